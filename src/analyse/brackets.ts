/**
 * Quotation brackets 「…」 and 『…』 in the normalised text, nested ones
 * included, each with its depth. An opening bracket left unclosed at the
 * end of its paragraph is dropped: it must not turn the rest of the
 * article into a quotation.
 */
export interface BracketSpan {
  /** Span including the brackets. */
  start: number;
  end: number;
  /** Span of the content between the brackets. */
  innerStart: number;
  innerEnd: number;
  open: "「" | "『";
  /** 0 for an outermost quotation. */
  depth: number;
  /** Reported speech (「…」と述べた), not a name or label (「外交安保対話」); see speech.ts. */
  speech?: boolean;
}

const PAIRS: Record<string, string> = { "「": "」", "『": "』" };

export function findQuotations(text: string): BracketSpan[] {
  const out: BracketSpan[] = [];
  const stack: { at: number; open: "「" | "『" }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "「" || c === "『") stack.push({ at: i, open: c });
    else if (c === "」" || c === "』") {
      // close the innermost matching opener; skip a stray closer
      for (let k = stack.length - 1; k >= 0; k--) {
        if (PAIRS[stack[k]!.open] === c) {
          const o = stack[k]!;
          stack.length = k;
          out.push({ start: o.at, end: i + 1, innerStart: o.at + 1, innerEnd: i, open: o.open, depth: k });
          break;
        }
      }
    } else if (c === "\n") stack.length = 0;
  }
  return out.sort((a, b) => a.start - b.start);
}
