/**
 * Checks the eighth blind evaluation data (test/eval/blind8.yaml), never the bot; its document,
 * 24/CT-UBND (Ninh Bình), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind8",
  document: { file: "chi-thi-24-CT-UBND-ninh-binh.txt", number: "24/CT-UBND" },
});
