/**
 * The nouns that end the name of an agreement or a diplomatic document
 * (日ソ共同宣言, 平和友好条約, キャンプ・デービッド原則, 了解覚書), as a regular
 * expression alternation: read where events name what was signed, and where
 * a bracketed name is told from a quotation.
 */
export const AGREEMENT_NOUNS =
  "条約|協定|宣言|声明|文書|発表文|共同発表|プレス発表|覚書|MOU|議定書|合意書|コミュニケ|原則|協約|憲章|取り決め|取決め|合意|ビジョン|行動計画";
