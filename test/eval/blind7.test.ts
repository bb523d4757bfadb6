/**
 * Checks the seventh blind evaluation data (test/eval/blind7.yaml), never the bot; its document,
 * 18/CT-UBND (Phú Thọ), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind7",
  document: { file: "chi-thi-18-CT-UBND-phu-tho.txt", number: "18/CT-UBND" },
});
