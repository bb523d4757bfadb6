/**
 * Checks the sixth blind evaluation data (test/eval/blind6.yaml), never the bot; its document,
 * 187/KH-UBND (Điện Biên), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  file: "blind6.yaml",
  split: "blind6",
  before: ["questions.yaml", "blind.yaml", "blind2.yaml", "blind3.yaml", "blind4.yaml", "blind5.yaml"],
  document: { file: "ke-hoach-187-KH-UBND-dien-bien.txt", number: "187/KH-UBND" },
});
