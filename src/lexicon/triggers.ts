/**
 * Event triggers (data/triggers.yaml and users' triggers*.yaml): the words
 * that report an event, with the PLOVER type and mode they stand for.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { bundledDataDir, LexiconError } from "./load.js";

export const triggerSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum([
      "NONE",
      "CONSULT",
      "AGREE",
      "SUPPORT",
      "CONCEDE",
      "COOPERATE",
      "AID",
      "RETREAT",
      "REQUEST",
      "ACCUSE",
      "REJECT",
      "THREATEN",
      "PROTEST",
      "SANCTION",
      "MOBILIZE",
      "COERCE",
      "ASSAULT",
      "GIFT",
    ]),
    mode: z.string().nullable().default(null),
    roles: z.enum(["reciprocal", "visit", "hosting", "directed", "signing"]).default("directed"),
    nominal: z.boolean().default(false),
    /** Words that contain a trigger word but report no event (記者会見). */
    ignore: z.boolean().default(false),
    destination_prefix: z.string().optional(),
    /** The states a named forum always brings together (6カ国協議). */
    participants: z.array(z.string().regex(/^[A-Z]{3}$/)).optional(),
    words: z.array(z.string().min(1)).default([]),
    /** Dictionary forms matched on the tokens (会う finds 会った, 会い, 会わ). */
    lemmas: z.array(z.string().min(1)).default([]),
    /** For `directed` roles: the particles that mark the recipient (default に, を, と, への, に対し). */
    recipient_particles: z.array(z.string().min(1)).optional(),
    /** For `reciprocal` roles: particles besides と, が, は… that mark a party (the person called on: 文大統領を表敬訪問). */
    party_particles: z.array(z.string().min(1)).optional(),
    /**
     * Words one of which must come before the trigger in its sentence or the one before, for a word that
     * reports the event only after them (これを受け入れた after 招待: an accepted invitation).
     */
    context: z.array(z.string().min(1)).optional(),
    /**
     * Words one of which must stand in the trigger's sentence, up to 30 characters before it or 12
     * after, for a word that reports the event only of such an object (発表した of a 共同声明).
     */
    near: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type Trigger = z.infer<typeof triggerSchema>;

const cueList = z.array(z.string().min(1)).default([]);
export const statusCuesSchema = z
  .object({ planned: cueList, speculated: cueList, cancelled: cueList, negated: cueList, proposed: cueList })
  .strict();
export type StatusCues = z.infer<typeof statusCuesSchema>;

const fileSchema = z
  .object({
    triggers: z.array(z.unknown()).default([]),
    status: z.unknown().optional(),
    gatherings: z.array(z.string().min(1)).default([]),
    documents: z.array(z.string().min(1)).default([]),
  })
  .strict();

function readTriggers(file: string): {
  triggers: Trigger[];
  status?: StatusCues;
  gatherings: string[];
  documents: string[];
} {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LexiconError(file, `not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const top = fileSchema.safeParse(doc);
  if (!top.success)
    throw new LexiconError(
      file,
      `expected 'triggers:' and 'status:' sections (${top.error.issues[0]!.message})`,
    );
  let status: StatusCues | undefined;
  if (top.data.status !== undefined) {
    const parsed = statusCuesSchema.safeParse(top.data.status);
    if (!parsed.success)
      throw new LexiconError(
        file,
        `status: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`,
      );
    status = parsed.data;
  }
  const triggers = top.data.triggers.map((raw, i) => {
    const parsed = triggerSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new LexiconError(file, `trigger ${i + 1}: ${issue.path.join(".")}: ${issue.message}`);
    }
    return parsed.data;
  });
  return { triggers, status, gatherings: top.data.gatherings, documents: top.data.documents };
}

export interface TriggerData {
  triggers: Trigger[];
  status: StatusCues;
  /**
   * Words naming a gathering of several states that is no trigger itself (国連総会): with the multilateral
   * triggers' words, what tells a meeting on a gathering's sidelines from a third state's summit.
   */
  gatherings: string[];
  /** The nouns that end an agreement's or a diplomatic document's name (条約, 共同声明's 声明, 覚書). */
  documents: string[];
}

/** The bundled triggers, extended by users' triggers*.yaml files. */
export function loadTriggers(userDirs: readonly string[] = [], dataDir = bundledDataDir()): TriggerData {
  const byId = new Map<string, Trigger>();
  const status: StatusCues = { planned: [], speculated: [], cancelled: [], negated: [], proposed: [] };
  const gatherings: string[] = [];
  const documents: string[] = [];
  const files = [join(dataDir, "triggers.yaml")];
  for (const d of userDirs) {
    const f = join(resolve(d), "triggers.yaml");
    if (existsSync(f)) files.push(f);
  }
  for (const f of files) {
    const read = readTriggers(f);
    for (const t of read.triggers) {
      const known = byId.get(t.id);
      if (known) {
        known.words = [...new Set([...known.words, ...t.words])];
        known.lemmas = [...new Set([...known.lemmas, ...t.lemmas])];
      } else byId.set(t.id, t);
    }
    if (read.status)
      for (const k of Object.keys(status) as (keyof StatusCues)[]) status[k].push(...read.status[k]);
    gatherings.push(...read.gatherings);
    documents.push(...read.documents);
  }
  return { triggers: [...byId.values()], status, gatherings, documents: [...new Set(documents)] };
}
