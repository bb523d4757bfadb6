import { describe, expect, it } from "vitest";
import { checkReply, MAX_ANSWER_CHARS } from "../../src/llm/index.js";

describe("the check on a model's reply", () => {
  it("keeps valid citations, renumbered in order of first use", () => {
    expect(checkReply("Tăng cường đối thoại [3]. Hòa giải ở cơ sở [1][3].", 4)).toEqual({
      text: "Tăng cường đối thoại [1]. Hòa giải ở cơ sở [2][1].",
      cited: [3, 1],
      unreliable: false,
    });
    expect(checkReply("A [1, 2] and B 【2】.", 2)).toMatchObject({
      text: "A [1][2] and B [2].",
      cited: [1, 2],
    });
  });

  it("removes citations that were not given and marks the answer unreliable", () => {
    expect(checkReply("Đối thoại [2]. Khiếu nại [9].", 4)).toEqual({
      text: "Đối thoại [1]. Khiếu nại.",
      cited: [2],
      unreliable: true,
    });
    expect(checkReply("A [0][1].", 4)).toMatchObject({ cited: [1], unreliable: true });
  });

  it("rejects a reply with no valid citation, an empty, refusing or overlong one", () => {
    expect(checkReply("X", 4)).toEqual({ rejected: "no citation" });
    expect(checkReply("X [9]", 4)).toEqual({ rejected: "every citation is invalid" });
    expect(checkReply("  \n ", 4)).toHaveProperty("rejected");
    expect(checkReply("NO_ANSWER", 4)).toHaveProperty("rejected");
    expect(checkReply(`${"a".repeat(MAX_ANSWER_CHARS)} [1]`, 4)).toHaveProperty("rejected");
  });
});
