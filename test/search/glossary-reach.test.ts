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
  // Disasters and emergencies (floods, landslides, what is done before, during and after).
  [
    "evacuation",
    ["en", "village evacuation drills"],
    ["vi", "tổ chức diễn tập sơ tán dân"],
    ["fr", "exercices d'évacuation"],
    ["ja", "住民を避難させる"],
  ],
  [
    "drill",
    ["en", "evacuation drills"],
    ["vi", "diễn tập sơ tán"],
    ["fr", "exercices d'évacuation"],
    ["ja", "避難訓練"],
  ],
  [
    "monitoring-station",
    ["en", "rain gauges"],
    ["vi", "lắp đặt 120 trạm đo mưa tự động"],
    ["fr", "pluviomètres"],
    ["ja", "自動雨量計"],
  ],
  [
    "automatic",
    ["en", "automatic rain gauges"],
    ["vi", "trạm đo mưa tự động"],
    ["fr", "stations automatiques"],
    ["ja", "自動雨量計"],
  ],
  [
    "rainy-season",
    ["en", "through the rainy season"],
    ["vi", "trong mùa mưa lũ"],
    ["fr", "la saison des pluies"],
    ["ja", "雨季"],
  ],
  [
    "rainfall",
    ["en", "how much rain in a day"],
    ["vi", "khi lượng mưa vượt 100 mm"],
    ["fr", "fortes pluies"],
    ["ja", "大雨"],
  ],
  [
    "relocation",
    ["vi", "dọn đi khỏi chỗ nguy hiểm"],
    ["vi", "di dời"],
    ["en", "get out of landslide areas"],
    ["fr", "déménager"],
    ["ja", "移転"],
  ],
  ["rescue", ["en", "search and rescue"], ["vi", "cứu hộ, cứu nạn"], ["fr", "sauvetage"], ["ja", "救助"]],
  [
    "relief-goods",
    ["en", "relief supplies"],
    ["vi", "tiền, hàng cứu trợ"],
    ["fr", "produits de première nécessité"],
    ["ja", "救援物資"],
  ],
  [
    "militia",
    ["en", "keep militia on standby"],
    ["vi", "trung đội dân quân cơ động thường trực"],
    ["fr", "les miliciens"],
    ["ja", "民兵"],
  ],
  [
    "standby",
    ["en", "keep militia on standby"],
    ["vi", "dân quân cơ động thường trực"],
    ["fr", "en alerte"],
    ["ja", "待機"],
  ],
  [
    "casualties",
    ["en", "the death toll"],
    ["vi", "57 người chết và mất tích"],
    ["fr", "les victimes"],
    ["ja", "死者"],
  ],
  [
    "map",
    ["en", "hazard map"],
    ["vi", "bản đồ phân vùng nguy cơ"],
    ["fr", "la carte des zones exposées"],
    ["ja", "ハザードマップ"],
  ],
  [
    "risk",
    ["en", "hazard map"],
    ["vi", "vùng có nguy cơ sạt lở"],
    ["fr", "zones exposées"],
    ["ja", "ハザードマップ"],
  ],
  [
    "hour",
    ["ja", "何時間以内"],
    ["vi", "trong vòng 48 giờ"],
    ["en", "within 48 hours"],
    ["fr", "sous 48 heures"],
  ],
  [
    "labour-contribution",
    ["ja", "労働日数"],
    ["vi", "giúp ngày công"],
    ["en", "man-days"],
    ["fr", "jours de travail"],
  ],
  [
    "donation",
    ["vi", "quyên góp ủng hộ đồng bào"],
    ["vi", "nguồn ủng hộ"],
    ["en", "donations"],
    ["fr", "donateurs"],
    ["ja", "義援金"],
  ],
  // Colloquial wording of a question meets the formal wording of the document.
  [
    "transparency",
    ["vi", "dán ra cho bà con cùng biết"],
    ["vi", "niêm yết công khai"],
    ["en", "put up on the notice board"],
    ["fr", "affiché"],
    ["ja", "掲示"],
  ],
  [
    "support",
    ["vi", "được cho bao nhiêu tiền"],
    ["vi", "được hỗ trợ 60 triệu đồng"],
    ["en", "subsidy"],
    ["fr", "subvention"],
    ["ja", "給付"],
  ],
  // A sum asked for reaches funding (a passage stating a sum holds it, text/figures.ts).
  [
    "funding",
    ["vi", "được cho bao nhiêu tiền"],
    ["vi", "bố trí kinh phí"],
    ["en", "how much money"],
    ["fr", "quel montant"],
    ["ja", "いくら"],
  ],
  [
    "money-amount",
    ["vi", "bao nhiêu triệu"],
    ["vi", "60 triệu đồng"],
    ["en", "how many million dong"],
    ["ja", "何億ドン"],
  ],
  [
    "responsibility",
    ["fr", "le chef doit en répondre"],
    ["vi", "xem xét trách nhiệm người đứng đầu"],
    ["en", "be held responsible"],
    ["ja", "責任を問われる"],
  ],
  ["head-of-agency", ["en", "the boss"], ["fr", "le chef"], ["vi", "người đứng đầu"], ["ja", "最高責任者"]],
  [
    "distribution",
    ["vi", "chia cho dân"],
    ["vi", "phân phối tiền, hàng cứu trợ"],
    ["en", "hand out"],
    ["fr", "répartition"],
    ["ja", "配分"],
  ],
  [
    "door-to-door",
    ["en", "go round the houses"],
    ["vi", "đến từng nhà giải thích"],
    ["fr", "porte-à-porte"],
    ["ja", "戸別訪問"],
  ],
  [
    "completion",
    ["en", "wrap up"],
    ["vi", "hoàn thành trước ngày 31/5"],
    ["fr", "boucler"],
    ["ja", "終わらせる"],
  ],
  [
    "rate",
    ["en", "what share of the population"],
    ["vi", "bao nhiêu phần trăm"],
    ["fr", "quelle part"],
    ["ja", "何パーセント"],
  ],
  ["annual", ["en", "once a year"], ["vi", "năm nào cũng"], ["fr", "tous les ans"], ["ja", "年に1回"]],
  [
    "plan",
    ["en", "plan rescue forces"],
    ["vi", "xây dựng phương án huy động lực lượng"],
    ["fr", "plan d'urgence"],
    ["ja", "シナリオ"],
  ],
  ["household", ["vi", "mỗi hộ phải di dời"], ["en", "how many families"], ["fr", "ménages"], ["ja", "世帯"]],
  // Other topics of provincial directives.
  ["vaccination", ["en", "jabs"], ["vi", "tiêm chủng mở rộng"], ["fr", "vaccins"], ["ja", "ワクチン"]],
  [
    "traffic-safety",
    ["en", "drink-driving"],
    ["vi", "vi phạm nồng độ cồn"],
    ["fr", "alcool au volant"],
    ["ja", "飲酒運転"],
  ],
  [
    "vocational-training",
    ["en", "vocational training"],
    ["vi", "đào tạo nghề cho lao động nông thôn"],
    ["fr", "formation professionnelle"],
    ["ja", "職業訓練"],
  ],
  [
    "military-service",
    ["en", "conscription"],
    ["vi", "giao quân"],
    ["fr", "service militaire"],
    ["ja", "兵役"],
  ],
  ["fisheries", ["en", "fishing boats"], ["vi", "tàu cá"], ["fr", "bateaux de pêche"], ["ja", "漁船"]],
  [
    "social-housing",
    ["en", "affordable housing"],
    ["vi", "nhà ở xã hội"],
    ["fr", "logements sociaux"],
    ["ja", "公営住宅"],
  ],
  [
    "public-investment",
    ["en", "disbursement"],
    ["vi", "giải ngân vốn đầu tư công"],
    ["fr", "décaissement"],
    ["ja", "公共投資"],
  ],
  [
    "socialisation-of-resources",
    ["en", "private contributions"],
    ["vi", "huy động xã hội hóa"],
    ["fr", "socialisation"],
    ["ja", "民間資金"],
  ],
  // General wording of any directive, whatever its subject (third widening).
  // a. Administrative verbs and the way users paraphrase them.
  [
    "supervision",
    ["en", "who keeps tabs on overdue files"],
    ["vi", "theo dõi, giám sát việc thực hiện"],
    ["fr", "qui surveille"],
    ["ja", "ちゃんと見張っている"],
  ],
  [
    "urge",
    ["en", "chase up the districts"],
    ["vi", "đôn đốc, nhắc nhở"],
    ["fr", "exhorte"],
    ["ja", "催促する"],
  ],
  [
    "transparency",
    ["en", "puts the numbers out every month"],
    ["vi", "công khai kết quả"],
    ["fr", "rendre publics les résultats"],
    ["ja", "結果を発表"],
  ],
  [
    "deputy",
    ["en", "who stands in for the secretary"],
    ["vi", "ủy quyền cho cấp phó"],
    ["fr", "par intérim"],
    ["ja", "代理で出席"],
  ],
  [
    "coordination",
    ["en", "who do they team up with"],
    ["vi", "phối hợp với"],
    ["fr", "main dans la main"],
    ["ja", "力を合わせて"],
  ],
  [
    "approval",
    ["en", "signed off on the plan"],
    ["vi", "phê duyệt kế hoạch"],
    ["fr", "approuvé"],
    ["ja", "承認"],
  ],
  ["discipline", ["en", "reprimanded"], ["vi", "khiển trách, cảnh cáo"], ["fr", "un blâme"], ["ja", "戒告"]],
  [
    "in-charge",
    ["en", "who chaired the conference"],
    ["vi", "chủ trì hội nghị"],
    ["fr", "qui présidait la conférence"],
    ["ja", "誰が担当"],
  ],
  [
    "construction",
    ["en", "draw up a plan"],
    ["vi", "xây dựng kế hoạch"],
    ["fr", "élaborer un plan"],
    ["ja", "計画を策定"],
  ],
  // b. The general nouns of directives.
  [
    "shortcoming",
    ["en", "what's still not working well"],
    ["vi", "còn bất cập, thiếu sót"],
    ["fr", "présente encore des limites"],
    ["ja", "問題点"],
  ],
  [
    "cause",
    ["en", "the root causes"],
    ["vi", "nguyên nhân của hạn chế"],
    ["fr", "les raisons"],
    ["ja", "原因"],
  ],
  [
    "speech",
    ["en", "in his speech"],
    ["vi", "phát biểu chỉ đạo"],
    ["fr", "s'exprimant lors de la conférence"],
    ["ja", "挨拶"],
  ],
  [
    "certificate-of-merit",
    ["en", "handed out certificates"],
    ["vi", "tặng bằng khen"],
    ["fr", "certificats de mérite"],
    ["ja", "表彰状を渡した"],
  ],
  [
    "budget",
    ["en", "the price tag for the provincial coffers"],
    ["vi", "từ ngân sách tỉnh"],
    ["fr", "les deniers publics"],
    ["ja", "公費で"],
  ],
  [
    "previous-year",
    ["en", "compared with last year"],
    ["vi", "so với cùng kỳ năm trước"],
    ["fr", "l'an dernier"],
    ["ja", "前年比"],
  ],
  [
    "maximum",
    ["en", "no more than 5 days"],
    ["vi", "không quá 5 ngày"],
    ["fr", "au maximum"],
    ["ja", "上限"],
  ],
  [
    "result",
    ["en", "what went well"],
    ["vi", "kết quả nổi bật"],
    ["fr", "les réussites"],
    ["ja", "顕著な成果"],
  ],
  [
    "objective",
    ["en", "what's the point of it"],
    ["vi", "phấn đấu đạt"],
    ["fr", "dans quel but"],
    ["ja", "何のため"],
  ],
  [
    "time-of-day",
    ["en", "in the afternoon"],
    ["vi", "vào buổi nào"],
    ["fr", "le matin du 21 décembre"],
    ["ja", "午後"],
  ],
  // c. Colloquial questions in each language.
  [
    "funding",
    ["en", "what's the price tag"],
    ["vi", "tốn bao nhiêu"],
    ["fr", "combien ça coûte"],
    ["ja", "いくらかかる"],
  ],
  [
    "deadline",
    ["en", "by what date"],
    ["vi", "hạn chót ký là bao giờ"],
    ["fr", "c'est pour quand"],
    ["ja", "いつまでに"],
  ],
  ["timely", ["en", "right away"], ["vi", "đúng hạn"], ["fr", "dans les délais"], ["ja", "期限内に"]],
  [
    "strict",
    ["ja", "ちゃんと実行"],
    ["en", "properly"],
    ["vi", "thực hiện nghiêm túc"],
    ["fr", "scrupuleusement"],
  ],
  [
    "quarterly",
    ["en", "every three months"],
    ["vi", "hằng quý"],
    ["fr", "tous les trois mois"],
    ["ja", "3か月ごと"],
  ],
  ["free-of-charge", ["en", "for free"], ["vi", "miễn phí"], ["fr", "gratuitement"], ["ja", "無料"]],
  // Fourth widening: subjects of directives the glossary did not name before.
  [
    "food-poisoning",
    ["vi", "vụ ngộ độc thực phẩm"],
    ["en", "a food poisoning case"],
    ["fr", "les intoxications alimentaires"],
    ["ja", "集団食中毒"],
  ],
  [
    "culling-destruction",
    ["vi", "tiêu hủy lợn bệnh"],
    ["en", "sick pigs were culled"],
    ["fr", "l'abattage sanitaire des porcs"],
    ["ja", "豚を殺処分"],
  ],
  [
    "mosquito",
    ["vi", "diệt bọ gậy, lăng quăng"],
    ["en", "mosquito breeding sites"],
    ["fr", "les larves de moustiques"],
    ["ja", "蚊の発生源"],
  ],
  [
    "waste-sorting",
    ["vi", "phân loại rác tại nguồn"],
    ["en", "waste sorting and recycling"],
    ["fr", "le tri à la source"],
    ["ja", "ごみの分別"],
  ],
  [
    "wastewater",
    ["vi", "xử lý nước thải"],
    ["en", "untreated sewage"],
    ["fr", "les eaux usées"],
    ["ja", "生活排水"],
  ],
  [
    "water-shortage",
    ["vi", "thiếu nước sinh hoạt"],
    ["en", "water shortages"],
    ["fr", "la pénurie d'eau"],
    ["ja", "水不足"],
  ],
  [
    "emissions",
    ["vi", "giảm phát thải khí nhà kính"],
    ["en", "greenhouse gas emissions"],
    ["fr", "les gaz à effet de serre"],
    ["ja", "温室効果ガスの排出"],
  ],
  [
    "demolition",
    ["vi", "tháo dỡ công trình vi phạm"],
    ["en", "demolish illegal buildings"],
    ["fr", "la démolition"],
    ["ja", "違法建築の取り壊し"],
  ],
  [
    "drone",
    ["vi", "sử dụng thiết bị bay không người lái (flycam)"],
    ["en", "using drones"],
    ["fr", "des drones"],
    ["ja", "ドローンを使う"],
  ],
  [
    "account",
    ["vi", "mở tài khoản ngân hàng"],
    ["en", "a bank account"],
    ["fr", "un compte bancaire"],
    ["ja", "銀行口座"],
  ],
  [
    "driver",
    ["vi", "tài xế xe khách"],
    ["en", "drivers who drink"],
    ["fr", "les conducteurs"],
    ["ja", "運転手"],
  ],
  [
    "overloading",
    ["vi", "xe chở quá tải"],
    ["en", "overloaded trucks"],
    ["fr", "les camions surchargés"],
    ["ja", "過積載"],
  ],
  [
    "boarding-school",
    ["vi", "học sinh bán trú"],
    ["en", "boarding pupils"],
    ["fr", "l'internat"],
    ["ja", "寄宿舎"],
  ],
  [
    "insurance-contribution",
    ["vi", "nợ đóng bảo hiểm xã hội"],
    ["en", "unpaid contributions"],
    ["fr", "les cotisations sociales"],
    ["ja", "保険料を滞納"],
  ],
  ["crop-pests", ["vi", "sâu bệnh hại lúa"], ["en", "crop pests"], ["fr", "les ravageurs"], ["ja", "病害虫"]],
  [
    "reintegration",
    ["vi", "tái hòa nhập cộng đồng"],
    ["en", "reintegration into society"],
    ["fr", "la réinsertion"],
    ["ja", "社会復帰"],
  ],
  [
    "social-evils",
    ["vi", "lô đề, cá độ bóng đá"],
    ["en", "illegal betting"],
    ["fr", "les paris clandestins"],
    ["ja", "違法賭博"],
  ],
  [
    "start-date",
    ["vi", "áp dụng từ bao giờ"],
    ["en", "since when"],
    ["fr", "depuis quand"],
    ["ja", "いつから始まる"],
  ],
  [
    "migrant-workers",
    ["vi", "đi làm việc ở nước ngoài"],
    ["en", "working abroad"],
    ["fr", "travailler à l'étranger"],
    ["ja", "海外で働く"],
  ], // Fifth widening: ordinary words, whatever the subject.
  [
    "refuse",
    ["vi", "đơn vị thu gom có quyền từ chối"],
    ["en", "can they refuse to take it?"],
    ["fr", "peuvent-ils refuser ?"],
    ["ja", "受け取りを拒否できる？"],
  ],
  [
    "bottle",
    ["vi", "không mang chai nhựa lên thuyền"],
    ["en", "a plastic bottle"],
    ["fr", "une bouteille en plastique"],
    ["ja", "ペットボトルを持ち込む"],
  ],
  [
    "width",
    ["vi", "đường ranh rộng ít nhất 8 m"],
    ["en", "how wide"],
    ["fr", "quelle largeur"],
    ["ja", "道幅は"],
  ],
  [
    "owner",
    ["vi", "chủ phương tiện phải ký cam kết"],
    ["en", "the boat owner"],
    ["fr", "les propriétaires"],
    ["ja", "持ち主"],
  ],
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
    // The standing board is not a force on standby; a helmet is not insurance.
    ["Thường trực Huyện ủy", "standby"],
    ["đội mũ bảo hiểm khi đi xe máy", "insurance"],
    // "phòng, chống thiên tai" names disasters, not the disaster fund; "sau bão" is not the aftermath.
    ["phòng, chống thiên tai", "disaster-fund"],
    ["hoàn lưu sau bão", "aftermath"],
    // Typed without marks, "vấn đề" and "không khí" (a mood) stay what they are.
    ["van de buc xuc", "dyke"],
    ["tạo không khí thi đua sôi nổi", "air-noise"],
    ["đóng góp ý kiến", "donation"],
    // "bao giờ" (when) is not the hour; "thông qua" (through) is not an approval.
    ["hạn chót ký là bao giờ", "hour"],
    ["áp dụng từ bao giờ", "hour"],
    ["thông qua các hoạt động thiết thực", "approval"],
  ])("%s is not %s", (text, id) => {
    expect(g.idsIn(text, "vi")).not.toContain(id);
  });

  it("reads a bank account, a drone and electricity saving as themselves, not as their pieces", () => {
    expect(g.idsIn("chi trả qua tài khoản", "vi")).not.toContain("clause");
    expect(g.idsIn("ドローンで探す", "ja")).not.toContain("loan-credit");
    expect(g.idsIn("夏の節電", "ja")).not.toContain("section");
    expect(g.idsIn("tăng cường tuần tra", "vi")).toContain("patrol");
  });

  it("reads English 'issues' as problems, not as issuing a document", () => {
    expect(g.idsIn("what issues are still open in Cao Bang?", "en")).not.toContain("promulgation");
    expect(g.idsIn("when was the plan issued?", "en")).toContain("promulgation");
  });

  it("keeps French prepositions and place names out of new concepts", () => {
    expect(g.idsIn("sur le terrain", "fr")).not.toContain("safety");
    expect(g.idsIn("la province de Bac Giang", "fr")).not.toContain("transport-infrastructure");
    expect(g.idsIn("a permis de renforcer la confiance", "fr")).not.toContain("permit");
    expect(g.idsIn("sur place", "fr")).toContain("on-the-spot");
  });

  it("still finds the village, the newspaper and the rise those words name on their own", () => {
    expect(g.idsIn("mỗi bản một nhóm Zalo", "vi")).toContain("hamlet");
    expect(g.idsIn("Báo Quảng Bình", "vi")).toContain("newspaper");
    expect(g.idsIn("thu nhập tăng", "vi")).toContain("increase");
  });
});
