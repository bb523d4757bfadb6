/**
 * Checks the tenth blind evaluation data (test/eval/blind10.yaml), never the bot; its document,
 * 11-CT/TU (Thái Nguyên), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind10",
  document: { file: "chi-thi-11-CT-TU-thai-nguyen.txt", number: "11-CT/TU" },
});
