/**
 * Schemas of the lexicon files under `data/` (see data/README.md).
 * Validation happens at load time so that a user's own lexicon file fails
 * with the file, the entry and the reason instead of misbehaving later.
 */
import { z } from "zod";

/** ISO date at year, month or day granularity. */
export const isoDate = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD"));

const names = z.object({ en: z.string().min(1), ja: z.string().min(1) }).strict();
const surfaceList = z.array(z.string().min(1)).default([]);
const plover_sector = z
  .string()
  .regex(/^[A-Z]{3}$/, "expected a three-letter PLOVER sector code such as GOV or MIL");
const wikidata = z
  .string()
  .regex(/^Q\d+$/, "expected a Wikidata id such as Q56226")
  .optional();
const countryCode = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 code such as PRK");
const entryId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "ids use letters, digits and '-'");

export const stateSchema = z
  .object({
    id: countryCode,
    name: names,
    aliases: surfaceList,
    abbr: surfaceList,
    capital: z.string().optional(),
    /** Standard time at the capital, in hours from UTC (summer time aside): dates told in Japan's time. */
    utc_offset: z.number().min(-12).max(14).optional(),
    wikidata,
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    /**
     * The states its territory belonged to before it was independent, and the day it ceased to
     * (exclusive): a visit to モスクワ in 1987 is a visit to the Soviet Union, and a meeting there of a
     * Soviet and a West German leader is held at home, not on a third party's ground.
     */
    part_of: z.array(z.object({ state: countryCode, until: isoDate }).strict()).optional(),
  })
  .strict();

export const organizationSchema = z
  .object({
    id: entryId,
    // a group: states named together as one (中央アジア5カ国), which act as their members
    kind: z.enum(["igo", "party", "government", "agency", "military", "media", "company", "ngo", "group"]),
    name: names,
    aliases: surfaceList,
    country: countryCode.optional(),
    members: z.array(countryCode).min(2).optional(),
    sector: plover_sector.optional(),
    wikidata,
  })
  .strict();

export const officeSchema = z
  .object({
    id: entryId,
    country: countryCode.optional(),
    organization: z.string().optional(),
    sector: plover_sector,
    en: z.string().min(1),
    titles: z.array(z.string().min(1)).min(1),
    leader: z.boolean().default(false),
    default: z.boolean().default(false),
    /** The ministry a minister holds, where meetings are named after it (外相会談, 国防相会談). */
    portfolio: z.enum(["foreign-affairs", "defence"]).optional(),
  })
  .strict();

export const tenureSchema = z
  .object({ office: z.string().min(1), from: isoDate.optional(), to: isoDate.optional() })
  .strict();

export const personSchema = z
  .object({
    id: entryId,
    name: names,
    aliases: surfaceList,
    surname: surfaceList,
    country: countryCode.optional(),
    sector: plover_sector.default("GOV"),
    gender: z.enum(["m", "f"]).optional(),
    wikidata,
    offices: z.array(tenureSchema).default([]),
    /** The day of death: the person takes part in no event after it (孫文が通ったレストラン). */
    died: isoDate.optional(),
    note: z.string().optional(),
  })
  .strict();

export const placeSchema = z
  .object({
    id: entryId,
    /** airport: where a traveller arrives, not the place visited (a visit goes to its city). */
    kind: z.enum(["region", "city", "venue", "airport", "site"]),
    name: names,
    aliases: surfaceList,
    /** Omitted only for regions that no one state holds (朝鮮半島, 南シナ海). */
    country: countryCode.optional(),
    within: z.string().optional(),
    wikidata,
  })
  .strict();

/**
 * An agreement whose name does not say whose it is (平壌宣言 is Japan's and North Korea's, 板門店宣言 the two
 * Koreas'): a mention of it, with or without its date, is read as its signing by its parties.
 */
export const agreementSchema = z
  .object({
    id: entryId,
    name: names,
    aliases: surfaceList,
    parties: z.array(countryCode).min(2),
    signed: isoDate,
    /** Where it was signed (a place id), for a mention that does not say. */
    place: z.string().optional(),
  })
  .strict();

export type StateEntry = z.infer<typeof stateSchema>;
export type OrganizationEntry = z.infer<typeof organizationSchema>;
export type OfficeEntry = z.infer<typeof officeSchema>;
export type PersonEntry = z.infer<typeof personSchema>;
export type PlaceEntry = z.infer<typeof placeSchema>;
export type Tenure = z.infer<typeof tenureSchema>;
export type AgreementEntry = z.infer<typeof agreementSchema>;
