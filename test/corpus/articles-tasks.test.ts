import { describe, expect, it } from "vitest";
import { parseVersion } from "../../src/corpus/index.js";

// In a regulation, the numbered items inside an article are its clauses ("Điều 5. … 1. … 2. …"):
// they are indexed once, as clauses, never also as the document's tasks.

const REGULATION = `QUY ĐỊNH
về trách nhiệm của người đứng đầu

Điều 1. Phạm vi điều chỉnh
Quy định này quy định trách nhiệm của người đứng đầu cấp ủy trong tiếp công dân.

Điều 2. Xử lý đơn thư
1. Mọi đơn thư của công dân phải được tiếp nhận và vào sổ theo dõi.
2. Trong thời hạn 10 ngày làm việc, người đứng đầu phải chỉ đạo xem xét, thụ lý.
3. Nghiêm cấm chuyển đơn cho người bị tố cáo giải quyết.
`;

describe("articles with numbered clauses", () => {
  it("yields clauses, and no task list made of them", () => {
    const v = parseVersion({ file: "quy-dinh.txt", text: REGULATION, hash: "h" });
    expect(v.tasks).toEqual([]);
    const sections = v.passages.filter((p) => p.kind !== "paragraph").map((p) => `${p.kind}:${p.section}`);
    expect(sections).toEqual(["article:Điều 1", "clause:Điều 2.1", "clause:Điều 2.2", "clause:Điều 2.3"]);
  });
});
