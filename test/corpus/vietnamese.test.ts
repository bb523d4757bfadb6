import { describe, expect, it } from "vitest";
import { hashBytes, parseVersion } from "../../src/corpus/index.js";

const parse = (text: string, file = "ct.txt") => parseVersion({ file, text, hash: hashBytes(text) });

const DIRECTIVE = `TỈNH ỦY HÀ TĨNH
*
Số 05-CT/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Tĩnh, ngày 10 tháng 3 năm 2025

CHỈ THỊ
về tăng cường công tác dân vận của chính quyền các cấp

Thực hiện Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy yêu cầu:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận.
2. Gắn công tác dân vận với nhiệm vụ chính trị của từng cơ quan.

II. NHIỆM VỤ, GIẢI PHÁP
1. Đẩy mạnh tuyên truyền, quán triệt các chủ trương của Đảng về công tác dân vận.
2. Nâng cao chất lượng tiếp công dân, giải quyết khiếu nại, tố cáo.
a) Người đứng đầu cấp ủy, chính quyền trực tiếp tiếp công dân định kỳ.
b) Giải quyết dứt điểm các vụ việc tồn đọng, kéo dài.
3. Đẩy mạnh cải cách hành chính, chuyển đổi số.
4. Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội.

III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan báo chí tuyên truyền Chỉ thị này.
2. Ban Dân vận Tỉnh ủy theo dõi, đôn đốc, kiểm tra việc thực hiện; định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 25/11) báo cáo kết quả về Ban Thường vụ Tỉnh ủy.

Nơi nhận:
- Ban Bí thư (để báo cáo),
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Nguyễn Văn A
`;

describe("a directive in the usual Vietnamese format", () => {
  const v = parse(DIRECTIVE);

  it("reads number, date, issuer, title and language from the header", () => {
    expect(v.number).toBe("05-CT/TU");
    expect(v.date).toBe("2025-03-10");
    expect(v.issuer).toBe("TỈNH ỦY HÀ TĨNH");
    expect(v.title).toBe("Chỉ thị về tăng cường công tác dân vận của chính quyền các cấp");
    expect(v.lang).toBe("vi");
    expect(v.cites).toEqual(["23-QĐ/TW"]);
  });

  it("joins an issuer written over two header lines", () => {
    const plan = parse(
      "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 112/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNghệ An, ngày 18 tháng 02 năm 2025\n\nKẾ HOẠCH\nThực hiện công tác dân vận\n",
    );
    expect(plan.issuer).toBe("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN");
  });

  it("takes the tasks from section II, not from 'mục đích, yêu cầu'", () => {
    expect(v.tasks.map((t) => t.label)).toEqual(["II.1", "II.2", "II.3", "II.4"]);
    expect(v.tasks[1]?.text).toMatch(/^2\. Nâng cao chất lượng tiếp công dân[\s\S]*b\) Giải quyết dứt điểm/);
    expect(v.tasks[3]?.text).toMatch(/^4\. Phát huy vai trò của Mặt trận/);
  });

  it("keeps the implementation section searchable with its assigned bodies, and drops the recipients", () => {
    const impl = v.passages.filter((p) => p.section.startsWith("III."));
    expect(impl.map((p) => p.section)).toEqual(["III.1", "III.2"]);
    expect(v.passages.some((p) => p.text.includes("Ban Bí thư (để báo cáo)"))).toBe(false);
  });

  it("reads a task's assigned body when the task names one", () => {
    const text = "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan báo chí tuyên truyền.";
    const doc = parse(
      `Số 01-CT/TU\nHà Tĩnh, ngày 1 tháng 1 năm 2025\n${text}\n2. Sở Nội vụ hướng dẫn thực hiện.\n`,
    );
    expect(doc.tasks.map((t) => t.assignee)).toEqual(["Ban Tuyên giáo Tỉnh ủy", "Sở Nội vụ"]);
  });

  it("reads articles and clauses of a regulation", () => {
    const reg = parse(
      "QUY ĐỊNH\nvề tiếp công dân\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy định này quy định việc tiếp công dân của người đứng đầu.\nĐiều 2. Trách nhiệm\n1. Bí thư cấp ủy tiếp công dân ít nhất một ngày mỗi tháng.\n2. Chủ tịch UBND đối thoại với nhân dân mỗi quý.\na) Đối thoại trực tiếp.\nb) Đối thoại qua mạng.\n",
      "qd.txt",
    );
    expect(reg.articles.map((a) => a.n)).toEqual([1, 2]);
    expect(reg.articles[1]?.clauses.map((c) => c.n)).toEqual([1, 2]);
    expect(reg.articles[1]?.clauses[1]?.text).toMatch(/^2\. Chủ tịch UBND[\s\S]*b\) Đối thoại qua mạng\.$/);
    expect(reg.passages.map((p) => p.section)).toContain("Điều 2.2");
  });

  it("joins hard-wrapped lines into one paragraph", () => {
    const doc = parse(
      "1. Đẩy mạnh tuyên truyền các chủ trương\ncủa Đảng về công tác dân vận.\n2. Nâng cao chất lượng tiếp công dân.\n",
    );
    expect(doc.tasks[0]?.text).toBe("1. Đẩy mạnh tuyên truyền các chủ trương\ncủa Đảng về công tác dân vận.");
  });
});
