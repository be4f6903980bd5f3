/**
 * Publication dates as sources write them, to ISO at their own precision:
 * `2024-06-19`, `2024-06-19T10:00:00+09:00` (the local date as written),
 * `2024/6/19`, `2024年6月19日`, `2024-06`, `2024`.
 */
const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: [\d:]+)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日/,
  /^(\d{4})[-/年](\d{1,2})月?$/,
  /^(\d{4})年?$/,
];

const pad = (s: string) => s.padStart(2, "0");

/** ISO date of a publication date, or throws with the reason. `null`/empty stays null. */
export function parsePublished(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("published is not a valid date");
    // toISOString writes years outside 0000–9999 with a sign and six digits
    const year = value.getUTCFullYear();
    if (year < 0 || year > 9999) throw new Error(`published year ${year} is out of range`);
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object")
    throw new Error(`published must be a date, not ${Array.isArray(value) ? "a list" : "an object"}`);
  const s = String(value).normalize("NFKC").trim();
  for (const p of PATTERNS) {
    const m = p.exec(s);
    if (!m) continue;
    const [y, mo, d] = [m[1]!, m[2], m[3]];
    const iso = d ? `${y}-${pad(mo!)}-${pad(d)}` : mo ? `${y}-${pad(mo)}` : y;
    if (!validIso(iso)) break;
    return iso;
  }
  throw new Error(
    `unrecognised published date ${JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s)} (expected YYYY-MM-DD, YYYY-MM or YYYY)`,
  );
}

function validIso(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    if (d < 1 || d > last) return false;
  }
  return true;
}
