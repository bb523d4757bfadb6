/**
 * Checks the second blind evaluation data (test/eval/blind2.yaml), never the bot; its document,
 * 14-CT/TU (Yên Bái, floods and landslides), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind2",
  document: { file: "chi-thi-14-CT-TU-yen-bai.txt", number: "14-CT/TU" },
});
