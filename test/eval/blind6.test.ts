/**
 * Checks the sixth blind evaluation data (test/eval/blind6.yaml), never the bot; its document,
 * 187/KH-UBND (Điện Biên), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind6",
  document: { file: "ke-hoach-187-KH-UBND-dien-bien.txt", number: "187/KH-UBND" },
});
