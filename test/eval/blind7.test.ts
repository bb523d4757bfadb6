/**
 * Checks the seventh blind evaluation data (test/eval/blind7.yaml), never the bot; its document,
 * 18/CT-UBND (Phú Thọ), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  file: "blind7.yaml",
  split: "blind7",
  before: [
    "questions.yaml",
    "blind.yaml",
    "blind2.yaml",
    "blind3.yaml",
    "blind4.yaml",
    "blind5.yaml",
    "blind6.yaml",
  ],
  document: { file: "chi-thi-18-CT-UBND-phu-tho.txt", number: "18/CT-UBND" },
});
