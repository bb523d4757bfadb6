import { fold } from "../text/index.js";

/**
 * Who-questions and the passages that assign work. "Ai chủ trì…?", "which body…?", "quel organisme…?",
 * "どの機関…?" are answered by a directive's implementation section ("III. TỔ CHỨC THỰC HIỆN"), where
 * each passage opens with the body it charges ("Bộ Chỉ huy Quân sự tỉnh xây dựng phương án…").
 */

const ASKS_WHO = new RegExp(
  [
    // vi: "ai", "cơ quan nào" (not "văn bản nào", "số nào")
    /(?:^|[\s,;:])(?:ai|co quan nao|don vi nao|to chuc nao|luc luong nao)(?=$|[\s?.,])/u.source,
    // en: "who" asking, not "officials who pester"
    /(?:^|[,;:]\s*)who\b|\bwho (?:is|are|has|have|should|must|will|does|do|did|can|leads?|chairs?|runs?|organi[sz]es?|coordinates?|gathers?|handles?|manages?)\b/u
      .source,
    /\bwhich (?:body|bodies|agency|agencies|department|departments|unit|units|office|organi[sz]ation|authority|authorities|committee|force|forces)\b/u
      .source,
    // fr: "qui doit…", "quel organisme"
    /(?:^|[\s,;:])qui(?=\s+(?:doit|doivent|est|sont|organise|pilote|coordonne|dirige|se charge|s'occupe|a |ont ))/u
      .source,
    /\bquel(?:le)?s? (?:organisme|organismes|instance|instances|service|services|organe|organes|departement|comite|unite|unites|autorite|autorites)\b/u
      .source,
    // ja
    /誰|どの機関|どの部署|どの組織|担当する|のはどこ|はどこですか/u.source,
  ].join("|"),
  "u",
);

const IMPLEMENTATION = /to chuc thuc hien|mise en (?:oe|œ)uvre|implementation|実施/u;

/** True when the question asks which body or person does something. */
export function asksWho(question: string): boolean {
  return ASKS_WHO.test(fold(question));
}

/** True when a passage sits under an implementation heading ("TỔ CHỨC THỰC HIỆN"). */
export function assigns(heading: string | null): boolean {
  return heading !== null && IMPLEMENTATION.test(fold(heading));
}
