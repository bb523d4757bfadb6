import type { Lang } from "../text/index.js";
import { fold } from "../text/index.js";

/**
 * The body a task assigns, when the task opens by naming it: "7. Le Département de la propagande
 * du Comité provincial du Parti ordonne …", "7. 省党委員会宣伝部は、…", "3. Ban Tuyên giáo Tỉnh ủy
 * chủ trì, phối hợp …", "Giao Sở Nội vụ …". Tasks that open with a verb ("Intensifier …") assign
 * no one in particular and yield null.
 */

// Nouns that name bodies, folded.
const BODY_VI =
  /^(cac |giao |de nghi |yeu cau )?(ban|so|uy ban|ubnd|hdnd|dang doan|dang uy|ban can su|cap uy|cac cap uy|huyen uy|thi uy|thanh uy|tinh uy|mat tran|mttq|hoi|doan|cong an|bo chi huy|van phong|bao|dai|thanh tra|toa an|vien kiem sat|lien doan|to chuc|chi bo|co quan|hoi dong|ky luat|truong|trung tam)\b/u;
const VERB_VI =
  /\s(chu tri|chi dao|phoi hop|co trach nhiem|tham muu|huong dan|trien khai|thuc hien|lanh dao|to chuc|xay dung|tiep tuc|tang cuong|day manh|nang cao|theo doi|kiem tra|giam sat|bao cao|quan tam|ban hanh|chiu trach nhiem|can|phai)\b|[:;]/u;
const BODY_FR =
  /^(le |la |les |l')?(departement|comite|commission|conseil|front|journal|comites|organisations|bureau|station|ministere|service|direction|union|association|groupe|groupes|police|tribunal|inspection|agences?)\b/u;
const VERB_FR =
  /\s(ordonne|dirige|doit|doivent|est charge|sont charges|poursuivra|poursuit|guide|guidera|coordonne|se coordonne|assure|veille|renforce|renforcera|continue|met|mettra|prend|organise|organisera|elabore|preside)\b|,\s*(en coordination|en collaboration|ainsi que|avec)\b/u;
const BODY_EN =
  /^(the )?(department|committee|commission|council|front|newspaper|party committees|organisations?|organizations?|office|station|ministry|union|association|police|people's)\b/u;
const VERB_EN =
  /\s(shall|must|will|directs|leads|guides|coordinates|is responsible|are responsible|continues|presides|organises|organizes)\b|,\s*(in coordination|together with)\b/u;

/** The assigned body named at the opening of `taskText` (label already stripped), or null. */
export function findAssignee(taskText: string, lang: Lang): string | null {
  const text = taskText.trim();
  if (lang === "ja") {
    const m = text.match(/^([^。は]{2,60}?)は[、,]/u);
    return m?.[1] && /(部|委員会|評議会|戦線|機関|組織|新聞|局|庁|省|会)$/u.test(m[1]) ? m[1] : null;
  }
  const folded = fold(text);
  const [body, verb] =
    lang === "vi" ? [BODY_VI, VERB_VI] : lang === "fr" ? [BODY_FR, VERB_FR] : [BODY_EN, VERB_EN];
  const opening = folded.match(body);
  if (!opening) return null;
  const stop = folded.slice(opening[0].length).search(verb);
  if (stop < 0) return null;
  const end = opening[0].length + stop;
  if (end > 220) return null;
  // Folding keeps lengths for NFC text, so the offsets map back onto the original spelling.
  let name = text.slice(0, end).trim();
  name = name.replace(/^(giao|đề nghị|yêu cầu)\s+/iu, "");
  return name.length >= 3 ? name : null;
}
