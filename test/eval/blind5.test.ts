/**
 * Checks the fifth blind evaluation data (test/eval/blind5.yaml), never the bot; its document,
 * 26-CT/TU (Đắk Lắk), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind5",
  document: { file: "chi-thi-26-CT-TU-dak-lak.txt", number: "26-CT/TU" },
});
