/**
 * Checks the ninth blind evaluation data (test/eval/blind9.yaml), never the bot; its document,
 * 131/KH-UBND (Khánh Hòa), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind9",
  document: { file: "ke-hoach-131-KH-UBND-khanh-hoa.txt", number: "131/KH-UBND" },
});
