/**
 * Checks the fourth blind evaluation data (test/eval/blind4.yaml), never the bot; its document,
 * 17-CT/TU (Quảng Ngãi), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind4",
  document: { file: "chi-thi-17-CT-TU-quang-ngai.txt", number: "17-CT/TU" },
});
