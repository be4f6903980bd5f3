/**
 * Parts of a page that are apparatus rather than reporting: a reference
 * list (脚注, 出典, 参考文献 …) and what follows it. Dates and quotations in
 * bibliographic entries are not the article's own.
 */
const APPARATUS_HEADING =
  /^(?:\[編集\])?\s*(?:脚注|注釈|出典|参考文献|参照|関連項目|外部リンク|References|Notes)\s*(?:\[編集\])?\s*$/;

export function apparatusZones(text: string): { start: number; end: number }[] {
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf("\n", from);
    const end = nl < 0 ? text.length : nl;
    if (APPARATUS_HEADING.test(text.slice(from, end))) return [{ start: from, end: text.length }];
    from = end + 1;
  }
  return [];
}
