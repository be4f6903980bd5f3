/**
 * What every document is analysed with: the lexicon and its automaton, the
 * triggers, and the morphological analyser (loaded on first use only).
 */
import { type DocumentNouns, documentNouns } from "../analyse/agreements.js";
import { Gazetteer } from "../analyse/gazetteer.js";
import { type SpeechTest, speechTest } from "../analyse/speech.js";
import { type Analyser, loadAnalyser } from "../analyse/tokenizer.js";
import { buildGazetteer, type LexiconGazetteer } from "../extract/mentions.js";
import { type Lexicon, loadLexicon, surfaceKey } from "../lexicon/lexicon.js";
import { loadTriggers, type StatusCues, type Trigger } from "../lexicon/triggers.js";

export interface PipelineContext {
  lexicon: Lexicon;
  gazetteer: LexiconGazetteer;
  triggers: Trigger[];
  statusCues: StatusCues;
  /** Trigger words → the triggers that use them. */
  triggerWords: Gazetteer<Trigger[]>;
  /** Dictionary forms → the triggers that use them, matched on tokens. */
  triggerLemmas: ReadonlyMap<string, Trigger[]>;
  /** State-abbreviation compounds that are not pairs of states (北米, 中東). */
  compoundStopwords: ReadonlySet<string>;
  /** Words naming gatherings of several states: the multilateral triggers' and triggers.yaml's `gatherings`. */
  gatheringWords: readonly string[];
  /** The nouns that end an agreement's or a document's name (triggers.yaml's `documents`). */
  documents: DocumentNouns;
  /** Whether a bracketed span is reported speech (「…」と述べた) rather than a name. */
  reportsSpeech: SpeechTest;
  analyser(): Promise<Analyser>;
}

export interface ContextOptions {
  /** User lexicon folders, read after the bundled data. */
  lexiconDirs?: readonly string[];
}

export function createContext(opts: ContextOptions = {}): PipelineContext {
  const dirs = opts.lexiconDirs ?? [];
  const lexicon = loadLexicon(dirs);
  const { triggers, status: statusCues, gatherings, documents: documentWords } = loadTriggers(dirs);
  const documents = documentNouns(documentWords);
  const triggerWords = new Gazetteer<Trigger[]>();
  const byWord = new Map<string, Trigger[]>();
  for (const t of triggers) {
    for (const w of t.words) {
      const k = surfaceKey(w);
      byWord.set(k, [...(byWord.get(k) ?? []), t]);
    }
    if (t.destination_prefix) {
      for (const abbr of lexicon.abbreviations.keys()) {
        const k = surfaceKey(t.destination_prefix + abbr);
        byWord.set(k, [...(byWord.get(k) ?? []), t]);
      }
    }
  }
  for (const [k, list] of byWord) triggerWords.add(k, list);
  const triggerLemmas = new Map<string, Trigger[]>();
  for (const t of triggers)
    for (const l of t.lemmas) triggerLemmas.set(l, [...(triggerLemmas.get(l) ?? []), t]);
  return {
    lexicon,
    gazetteer: buildGazetteer(lexicon),
    triggers,
    statusCues,
    triggerWords,
    triggerLemmas,
    compoundStopwords: new Set(lexicon.data.compoundStopwords.map(surfaceKey)),
    gatheringWords: [
      ...triggers.filter((t) => t.type === "CONSULT" && t.mode === "multilateral").flatMap((t) => t.words),
      ...gatherings,
    ],
    documents,
    reportsSpeech: speechTest(documents),
    analyser: loadAnalyser,
  };
}
