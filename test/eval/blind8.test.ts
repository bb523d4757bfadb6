/**
 * Checks the eighth blind evaluation data (test/eval/blind8.yaml), never the bot; its document,
 * 24/CT-UBND (Ninh Bình), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  file: "blind8.yaml",
  split: "blind8",
  before: [
    "questions.yaml",
    "blind.yaml",
    "blind2.yaml",
    "blind3.yaml",
    "blind4.yaml",
    "blind5.yaml",
    "blind6.yaml",
    "blind7.yaml",
  ],
  document: { file: "chi-thi-24-CT-UBND-ninh-binh.txt", number: "24/CT-UBND" },
});
