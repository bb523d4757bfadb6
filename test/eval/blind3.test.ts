/**
 * Checks the third blind evaluation data (test/eval/blind3.yaml), never the bot; its document,
 * 09-CT/TU (Tuyên Quang, land clearance for the expressway), is asked about nowhere else.
 */
import { blindSetChecks } from "./blind-set.js";

blindSetChecks({
  split: "blind3",
  document: { file: "chi-thi-09-CT-TU-tuyen-quang.txt", number: "09-CT/TU" },
});
