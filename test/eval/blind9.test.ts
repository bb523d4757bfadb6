/**
 * Checks the ninth blind evaluation data (test/eval/blind9.yaml), never the bot; its document,
 * 131/KH-UBND (Khánh Hòa), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  file: "blind9.yaml",
  split: "blind9",
  before: [
    "questions.yaml",
    "blind.yaml",
    "blind2.yaml",
    "blind3.yaml",
    "blind4.yaml",
    "blind5.yaml",
    "blind6.yaml",
    "blind7.yaml",
    "blind8.yaml",
  ],
  document: { file: "ke-hoach-131-KH-UBND-khanh-hoa.txt", number: "131/KH-UBND" },
});
