import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Glossary, loadGlossary } from "../../src/search/glossary.js";
import type { Lang } from "../../src/text/index.js";

// How far the shipped glossary reaches: a question worded in one language or register must reduce to
// the same concept as the document's own wording in another, for the general vocabulary of provincial
// directives and plans (targets, social issues, public service, time words, organisations, roles).

const GLOSSARY = fileURLToPath(new URL("../../glossary/domain.yaml", import.meta.url));

let g: Glossary;
beforeAll(async () => {
  g = await loadGlossary(GLOSSARY);
});

type Said = readonly [Lang, string];

// Each row: a concept, then wordings (a user's and a document's, in several languages) that all name it.
const BRIDGES: readonly (readonly [string, ...Said[]])[] = [
  // Vietnamese syllables spelled like French function words stay in Vietnamese forms.
  ["tourism", ["vi", "phát triển du lịch"], ["vi", "du lịch"], ["en", "tourism"], ["fr", "le tourisme"]],
  ["place-son-la", ["vi", "tỉnh Sơn La"], ["en", "Son La province"], ["ja", "ソンラ省"]],
  [
    "child-marriage",
    ["en", "child marriage"],
    ["fr", "les mariages d'enfants"],
    ["vi", "tảo hôn"],
    ["ja", "児童婚"],
  ],
  ["weekend", ["en", "at the weekend"], ["vi", "vào ngày thứ Bảy"], ["fr", "le samedi"], ["ja", "土曜日"]],
  ["fee", ["en", "fees and charges"], ["vi", "phí, lệ phí"], ["fr", "les frais"], ["ja", "手数料"]],
  [
    "payment",
    ["en", "paid online"],
    ["vi", "thanh toán trực tuyến"],
    ["fr", "paiement en ligne"],
    ["ja", "オンライン決済"],
  ],
  [
    "online",
    ["en", "paid online"],
    ["vi", "thanh toán trực tuyến"],
    ["fr", "paiement en ligne"],
    ["ja", "オンライン決済"],
  ],
  [
    "urban-area",
    ["en", "how urbanised"],
    ["fr", "le taux d'urbanisation"],
    ["vi", "tỷ lệ đô thị hóa"],
    ["ja", "都市化率"],
  ],
  [
    "rate",
    ["en", "the urbanisation rate"],
    ["fr", "le taux d'urbanisation"],
    ["vi", "tỷ lệ đô thị hóa"],
    ["ja", "都市化の割合"],
  ],
  [
    "clean-water",
    ["en", "clean water"],
    ["vi", "nước sinh hoạt hợp vệ sinh"],
    ["fr", "l'eau potable"],
    ["ja", "衛生的な生活用水"],
  ],
  [
    "harmful-information",
    ["en", "misinformation"],
    ["vi", "thông tin sai trái, xấu độc"],
    ["fr", "les rumeurs"],
    ["ja", "デマ"],
  ],
  [
    "social-media",
    ["en", "on Facebook"],
    ["vi", "trên mạng xã hội"],
    ["fr", "les réseaux sociaux"],
    ["ja", "SNS"],
  ],
  [
    "discipline",
    ["en", "disciplined"],
    ["vi", "bị xem xét xử lý kỷ luật"],
    ["fr", "mesures disciplinaires"],
    ["ja", "懲戒"],
  ],
  [
    "reply",
    ["en", "a written reply"],
    ["vi", "được trả lời bằng văn bản"],
    ["fr", "une réponse écrite"],
    ["ja", "書面で回答"],
  ],
  [
    "in-writing",
    ["en", "a written reply"],
    ["vi", "được trả lời bằng văn bản"],
    ["fr", "une réponse écrite"],
    ["ja", "書面で回答"],
  ],
  [
    "prestigious-person",
    ["en", "village elders"],
    ["en", "respected people"],
    ["vi", "già làng, người có uy tín"],
    ["fr", "les notables"],
    ["ja", "村の長老"],
  ],
  [
    "drugs",
    ["en", "drug-free hamlet"],
    ["fr", "hameau sans drogue"],
    ["vi", "không có ma túy"],
    ["ja", "麻薬"],
  ],
  ["natural-disaster", ["en", "floods"], ["vi", "lũ lụt"], ["fr", "les inondations"], ["ja", "洪水"]],
  [
    "pandemic",
    ["en", "the pandemic"],
    ["fr", "la pandémie de COVID-19"],
    ["vi", "dịch bệnh"],
    ["ja", "コロナ"],
  ],
  [
    "insurance",
    ["en", "health insurance"],
    ["fr", "assurance maladie"],
    ["vi", "bảo hiểm y tế"],
    ["ja", "健康保険"],
  ],
  [
    "income",
    ["en", "income per head"],
    ["fr", "le revenu par habitant"],
    ["vi", "thu nhập bình quân đầu người"],
    ["ja", "一人当たり所得"],
  ],
  [
    "mountain-area",
    ["en", "highland villages"],
    ["vi", "vùng cao"],
    ["fr", "zones de montagne"],
    ["ja", "山間部"],
  ],
  ["hamlet", ["en", "villages"], ["vi", "các bản vùng cao"], ["fr", "hameau"], ["ja", "集落"]],
  ["school", ["en", "going to school"], ["vi", "Nâng bước em tới trường"], ["fr", "l'école"], ["ja", "通学"]],
  ["children", ["en", "children"], ["vi", "trẻ em"], ["fr", "Enfants parrainés"], ["ja", "子どもの通学"]],
  [
    "border",
    ["en", "border guards"],
    ["vi", "Bộ đội Biên phòng"],
    ["fr", "la Garde-frontière provinciale"],
    ["ja", "国境警備隊"],
  ],
  [
    "deadline",
    ["en", "how long does he have"],
    ["vi", "trong thời hạn 15 ngày"],
    ["fr", "dans quel délai"],
    ["ja", "15日以内"],
  ],
  [
    "working-day",
    ["en", "15 working days"],
    ["vi", "15 ngày làm việc"],
    ["fr", "15 jours ouvrables"],
    ["ja", "15営業日"],
  ],
  [
    "funding",
    ["en", "who provides the money"],
    ["vi", "bố trí kinh phí"],
    ["fr", "le financement"],
    ["ja", "資金"],
  ],
  [
    "review",
    ["fr", "réexaminer les plaintes"],
    ["vi", "rà soát các vụ việc"],
    ["en", "re-examine"],
    ["ja", "見直し"],
  ],
  [
    "scope",
    ["en", "who does it apply to"],
    ["vi", "áp dụng đối với bí thư cấp ủy"],
    ["fr", "s'applique à"],
    ["ja", "適用対象"],
  ],
  [
    "absence",
    ["fr", "le responsable absent"],
    ["vi", "trường hợp vắng mặt"],
    ["en", "if the head is absent"],
    ["ja", "不在"],
  ],
  [
    "people",
    ["vi", "bà con"],
    ["vi", "người dân"],
    ["en", "villagers"],
    ["fr", "la population"],
    ["ja", "住民"],
  ],
  [
    "veterans-association",
    ["en", "veterans"],
    ["vi", "Hội Cựu chiến binh"],
    ["fr", "anciens combattants"],
    ["ja", "退役軍人"],
  ],
  ["place-ca-mau", ["vi", "tỉnh Cà Mau"], ["en", "Ca Mau province"], ["ja", "カマウ省"]],
];

describe("the glossary bridges the wording of unseen questions and documents", () => {
  it.each(BRIDGES.map((row) => [row[0], row.slice(1) as Said[]] as const))("%s", (id, said) => {
    const misses = said.filter(([lang, text]) => !g.idsIn(text, lang).includes(id));
    expect(misses).toEqual([]);
  });
});

describe("short Vietnamese forms do not match inside longer words", () => {
  it.each([
    ["văn bản", "hamlet"],
    ["cơ bản", "hamlet"],
    ["báo cáo định kỳ", "newspaper"],
    ["thông báo kết luận", "newspaper"],
    ["dịch vụ công trực tuyến", "pandemic"],
    ["trong quá trình thực hiện", "submit"],
    ["tăng cường", "increase"],
    ["giảm nghèo bền vững", "decrease"],
    ["môi trường", "school"],
    // "du", "la" are French function words but Vietnamese syllables: a form keeps them.
    ["lịch tiếp công dân", "tourism"],
    ["xã Sơn Thủy", "place-son-la"],
  ])("%s is not %s", (text, id) => {
    expect(g.idsIn(text, "vi")).not.toContain(id);
  });

  it("still finds the village, the newspaper and the rise those words name on their own", () => {
    expect(g.idsIn("mỗi bản một nhóm Zalo", "vi")).toContain("hamlet");
    expect(g.idsIn("Báo Quảng Bình", "vi")).toContain("newspaper");
    expect(g.idsIn("thu nhập tăng", "vi")).toContain("increase");
  });
});
