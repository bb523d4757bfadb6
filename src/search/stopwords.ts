import { fold } from "../text/index.js";

/**
 * Function words as written (lower case, with diacritics). Document words are indexed without
 * them; questions additionally drop the words people ask with ("gì", "what", "quoi", "何"). A word
 * typed without diacritics is compared with the folded list, so "gi" drops like "gì" but "bao"
 * (báo, a newspaper; báo cáo, a report) is never mistaken for "bao nhiêu".
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Function words per language (folded). */
export const STOPWORDS: Record<"vi" | "en" | "fr" | "ja", Set<string>> = {
  vi: words(`
    và của các những là được cho với trong trên dưới tại theo từ đến về một này đó khi thì mà nên
    đã đang sẽ còn cũng vẫn rất hơn nhất như vậy để bị bởi hoặc nếu tùy mỗi hay có không chưa
    ở ra vào lên xuống lại nữa thế nào gì ai đâu sao bao_nhiêu giữa qua`),
  en: words(`
    a an the and or of to in on at by for with from as is are was were be been being it its this
    that these those which who whom what when where why how do does did has have had not no but
    into over under about than then so such their there they them he she we you i our your his her
    shall will would should can could may might must also each all any both more most other some`),
  fr: words(`
    le la les l un une des du de d et ou à au aux en dans par pour sur avec sans sous ce cet cette
    ces qui que qu quoi dont où est sont était être été a ont avait il elle ils elles on nous vous
    je se sa son ses leur leurs lui y ne pas plus ainsi afin entre vers chez tout tous toute toutes
    comme mais donc car si même`),
  ja: words(`
    の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない
    この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり
    より による ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う
    ので なお のみ でき き つ における および いう さらに でも ら たり その他 に関する たち ます ん
    なら に対して 特に せる 及び これら とき では にて ほか ながら うち そして とともに ただし かつて
    それぞれ または お ほど ものの に対する ほとんど と共に といった です とも ところ ここ`),
};

/** Words that only shape a question ("what does … require?") and carry no content. */
export const QUESTION_WORDS: Record<"vi" | "en" | "fr" | "ja", Set<string>> = {
  // Besides question words, the words that name a kind of document ("the letter", "chỉ thị"):
  // which document is meant is read from the question separately; in a passage they prove nothing.
  vi: words(`gì nào ai đâu sao nhiêu thế như hỏi cho biết yêu cầu nói đề cập nêu
    được không phải làm gi nao văn bản muốn lúc đang mấy hôm lâu giờ`),
  en: words(`what which who whom whose when where why how does do did say says said require requires
    required tell me please about mention mentions state states ask asks stipulate stipulates
    date cite cites cited quote quotes quoted mentioned happen happens happened should would will
    good`),
  fr: words(`que quoi quel quelle quels quelles qui quand comment pourquoi combien dit disent demande
    demandent exige exigent prévoit prévoient stipule indique est-ce ce lettre document directive
    élève élèvent s'élève s'élèvent date jour cite citée cité cités citées mentionne mentionné
    mentionnée mentionnés doit doivent selon ici faut peut peuvent`),
  ja: words(`何 なに どの どんな 誰 だれ いつ どこ なぜ どう 求め 求めて 求める 求められて います ください
    ですか か 教えて 言って 規定 内容 について 述べ 文書 何と 言 何人 何回 何日`),
};

/** True when `word` (lower case) is in `list`, comparing folded only when typed without diacritics. */
export function isListed(list: Set<string>, word: string, folded: string): boolean {
  if (list.has(word)) return true;
  if (word !== folded) return false;
  return foldedLists.get(list)?.has(folded) ?? false;
}

const foldedLists = new Map<Set<string>, Set<string>>();
for (const table of [STOPWORDS, QUESTION_WORDS]) {
  for (const list of Object.values(table)) foldedLists.set(list, new Set([...list].map((w) => fold(w))));
}
