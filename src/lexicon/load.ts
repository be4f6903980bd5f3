/**
 * Loading lexicon files: the bundled `data/` folder first, then each user
 * folder in order. A file's entries are validated one by one; an error
 * names the file, the entry and the reason. An entry whose id is already
 * known extends it (aliases, surnames, offices are added) so that users can
 * add spellings to a bundled person without copying the entry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  type AgreementEntry,
  agreementSchema,
  type OfficeEntry,
  type OrganizationEntry,
  officeSchema,
  organizationSchema,
  type PersonEntry,
  type PlaceEntry,
  personSchema,
  placeSchema,
  type StateEntry,
  stateSchema,
} from "./schema.js";

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "LexiconError";
  }
}

export interface LexiconData {
  states: StateEntry[];
  organizations: OrganizationEntry[];
  offices: OfficeEntry[];
  people: PersonEntry[];
  places: PlaceEntry[];
  agreements: AgreementEntry[];
  /** Abbreviation runs that are not pairs of states (北米, 中東). */
  compoundStopwords: string[];
  /**
   * Words that may stand directly before a title without making it part of a longer word (前首相,
   * 現職大統領): a title after any other kanji (国際部長, 官房副長官, 佐藤栄作首相) names no one the
   * lexicon knows by that title alone.
   */
  titlePrefixes: string[];
  /** Words before a title that make it a former holder's (前首相, 元大統領): never the holder on the day. */
  formerTitlePrefixes: string[];
  /** Words after a name the lexicon lacks that make it a person's (飯塚繁雄代表): roles of no office it lists. */
  personRoles: string[];
  /**
   * Kanji that begin a title or stand after a name rather than end a given name the dictionary cut in two
   * (山田太郎|元首相, 駐日大使, 杉山氏): 杉山|晋|輔 reads 輔 into the name, 杉山|晋|元… does not.
   */
  titleInitials: string[];
  /**
   * Words an official's title ends on (局長, 主任, 報道官), for titles the lexicon does not list: passed over
   * between a person and their particle, and making a name the lexicon lacks before them a person's.
   */
  titleEndings: string[];
  /** Files read, for `kaidan lexicon` and error messages. */
  files: string[];
}

/** The bundled data folder, next to `dist/` or `src/`. */
export function bundledDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "data", "offices.yaml")) || existsSync(join(dir, "data", "README.md")))
      return join(dir, "data");
    dir = dirname(dir);
  }
  throw new Error("cannot find kaidan's bundled data/ folder");
}

type Kind = "states" | "organizations" | "offices" | "people" | "places" | "agreements";
const SCHEMAS: Record<Kind, z.ZodType> = {
  states: stateSchema,
  organizations: organizationSchema,
  offices: officeSchema,
  people: personSchema,
  places: placeSchema,
  agreements: agreementSchema,
};

/** Which kind of entries a file holds, from its name or folder. */
function kindOf(file: string): Kind | null {
  const name = basename(file).toLowerCase();
  if (basename(dirname(file)).toLowerCase() === "people") return "people";
  for (const k of Object.keys(SCHEMAS) as Kind[]) if (name.startsWith(k)) return k;
  return null;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(e)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function readEntries(file: string, kind: Kind): unknown[] {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LexiconError(file, `not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (doc === null || doc === undefined) return [];
  if (!Array.isArray(doc)) throw new LexiconError(file, `expected a list of ${kind} entries`);
  return doc.map((raw, i) => {
    const parsed = SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      const id =
        raw && typeof raw === "object" && "id" in raw ? ` (${String((raw as { id: unknown }).id)})` : "";
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      throw new LexiconError(file, `entry ${i + 1}${id}: ${where}${issue.message}`);
    }
    return parsed.data;
  });
}

const stopwordsSchema = z
  .object({
    compounds: z.array(z.string()).default([]),
    title_prefixes: z.array(z.string()).default([]),
    former_title_prefixes: z.array(z.string()).default([]),
    person_roles: z.array(z.string()).default([]),
    title_initials: z.array(z.string()).default([]),
    title_endings: z.array(z.string()).default([]),
  })
  .strict();

function readStopwords(file: string): {
  compounds: string[];
  titlePrefixes: string[];
  formerTitlePrefixes: string[];
  personRoles: string[];
  titleInitials: string[];
  titleEndings: string[];
} {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LexiconError(file, `not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const parsed = stopwordsSchema.safeParse(doc ?? {});
  if (!parsed.success)
    throw new LexiconError(
      file,
      `expected lists 'compounds', 'title_prefixes', 'former_title_prefixes', 'person_roles', 'title_initials' and 'title_endings': ${parsed.error.issues[0]!.message}`,
    );
  return {
    compounds: parsed.data.compounds,
    titlePrefixes: parsed.data.title_prefixes,
    formerTitlePrefixes: parsed.data.former_title_prefixes,
    personRoles: parsed.data.person_roles,
    titleInitials: parsed.data.title_initials,
    titleEndings: parsed.data.title_endings,
  };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Reads the bundled lexicon and the user folders, in that order. */
export function loadLexiconData(userDirs: readonly string[] = [], dataDir = bundledDataDir()): LexiconData {
  const data: LexiconData = {
    states: [],
    organizations: [],
    offices: [],
    people: [],
    places: [],
    agreements: [],
    compoundStopwords: [],
    titlePrefixes: [],
    formerTitlePrefixes: [],
    personRoles: [],
    titleInitials: [],
    titleEndings: [],
    files: [],
  };
  const index = new Map<
    string,
    { alias?: string[]; surname?: string[]; offices?: unknown[]; abbr?: string[] }
  >();
  for (const dir of [dataDir, ...userDirs.map((d) => resolve(d))]) {
    if (!existsSync(dir)) throw new LexiconError(dir, "lexicon folder does not exist");
    for (const file of yamlFiles(dir)) {
      if (/^stopwords/i.test(basename(file))) {
        const words = readStopwords(file);
        data.compoundStopwords.push(...words.compounds);
        data.titlePrefixes.push(...words.titlePrefixes);
        data.formerTitlePrefixes.push(...words.formerTitlePrefixes);
        data.personRoles.push(...words.personRoles);
        data.titleInitials.push(...words.titleInitials);
        data.titleEndings.push(...words.titleEndings);
        data.files.push(file);
        continue;
      }
      const kind = kindOf(file);
      if (!kind) continue;
      data.files.push(file);
      for (const entry of readEntries(file, kind) as { id: string }[]) {
        const key = `${kind}:${entry.id}`;
        const existing = index.get(key) as Record<string, unknown> | undefined;
        if (existing) {
          // extend the known entry instead of duplicating it
          const e = entry as Record<string, unknown>;
          for (const f of ["aliases", "surname", "abbr"]) {
            if (Array.isArray(e[f])) existing[f] = union((existing[f] as string[]) ?? [], e[f] as string[]);
          }
          if (Array.isArray(e.offices))
            existing.offices = [...((existing.offices as unknown[]) ?? []), ...e.offices];
          if (typeof e.died === "string") existing.died = e.died;
          continue;
        }
        index.set(key, entry as never);
        (data[kind] as unknown[]).push(entry);
      }
    }
  }
  checkReferences(data);
  return data;
}

function checkReferences(data: LexiconData): void {
  const places = new Set(data.places.map((p) => p.id));
  for (const a of data.agreements)
    if (a.place && !places.has(a.place))
      throw new LexiconError("agreements", `${a.id}: unknown place '${a.place}'`);
  const states = new Set(data.states.map((x) => x.id));
  for (const x of data.states)
    for (const w of x.part_of ?? [])
      if (!states.has(w.state))
        throw new LexiconError("states", `${x.id}: part of unknown state '${w.state}'`);
  for (const o of data.organizations) {
    if ((o.kind === "group") !== !!o.members)
      throw new LexiconError("organizations", `${o.id}: a group, and only a group, lists its member states`);
    for (const m of o.members ?? [])
      if (!states.has(m)) throw new LexiconError("organizations", `${o.id}: unknown member state '${m}'`);
  }
  const offices = new Set(data.offices.map((o) => o.id));
  for (const p of data.people) {
    for (const t of p.offices) {
      if (!offices.has(t.office)) throw new LexiconError("people", `${p.id}: unknown office '${t.office}'`);
    }
  }
}
