import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import {
  binaryFormatOf,
  type Extracted,
  extractDocx,
  extractPdf,
  extractText,
} from "../../src/corpus/formats/index.js";
import {
  type DocxParagraph,
  makeDocx,
  makePdf,
  makeScannedPdf,
  type PdfOptions,
} from "../support/doc-fixtures.js";

/** A directive in the usual Vietnamese layout; long items wrap over several lines. */
const DIRECTIVE = [
  { text: "TỈNH ỦY QUẢNG NINH", right: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true },
  { text: "Số 05-CT/TU", right: "Quảng Ninh, ngày 10 tháng 3 năm 2025" },
  { text: "CHỈ THỊ", align: "center" as const, bold: true, size: 14 },
  {
    text: "về tăng cường công tác dân vận của cơ quan nhà nước và chính quyền các cấp trong tình hình mới",
    align: "center" as const,
  },
  { text: "I. MỤC ĐÍCH, YÊU CẦU", bold: true },
  "Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng, người đứng đầu cơ quan nhà nước về công tác dân vận; khắc phục tình trạng quan liêu, xa dân.",
  { text: "II. NHIỆM VỤ, GIẢI PHÁP", bold: true },
  "1. Nhiệm vụ tăng cường tiếp công dân, đối thoại trực tiếp với Nhân dân và giải quyết kịp thời khiếu nại, tố cáo ngay từ cơ sở; người đứng đầu cấp ủy, chính quyền trực tiếp tiếp công dân định kỳ theo quy định.",
  "2. Đẩy mạnh cải cách hành chính, nâng cao chất lượng dịch vụ công trực tuyến toàn trình; công khai, minh bạch thủ tục hành chính tại bộ phận một cửa các cấp.",
  "a) Sở Nội vụ chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện, tổng hợp kết quả báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15 tháng 12 hằng năm.",
  "b) Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo đánh giá mức độ hài lòng của người dân, doanh nghiệp.",
  "3. Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong giám sát, phản biện xã hội đối với hoạt động của cơ quan nhà nước.",
  "4. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền, phổ biến Chỉ thị này trên các phương tiện thông tin đại chúng; Ban Dân vận Tỉnh ủy theo dõi, đôn đốc, định kỳ báo cáo.",
];
const DIRECTIVE_TEXT = DIRECTIVE.flatMap((p) =>
  typeof p === "string" ? [p] : [p.text, p.right ?? ""],
).filter(Boolean);
const ITEMS = ["I. ", "II. ", "1. ", "2. ", "a) ", "b) ", "3. ", "4. "];

const FRENCH =
  "Le Comité provincial demande aux comités du Parti à tous les niveaux de présenter, avant le 15 décembre, un rapport sur la démocratisation administrative, l’« Année de la mobilisation des masses » et l’institutionnalisation des dialogues avec les citoyens.";
const JAPANESE =
  "省党委常務委員会は、2024年2月22日付で各級の国家機関における大衆動員活動の強化に関する公文書第1470号を発出した。";

/** Paragraphs as the structure parser will see them: blank-line separated, spaces normalised. */
function paragraphsOf(result: Extracted): string[] {
  if (!result.ok) throw new Error(`expected text, got ${result.code}: ${result.message}`);
  return result.text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim());
}

function expectComposedVietnamese(text: string) {
  expect(text).toBe(text.normalize("NFC"));
  expect(text).not.toMatch(/[\u0300-\u036f]/);
  expect(text).toContain("Nhiệm vụ");
  expect(text).not.toMatch(/Nhi ệm|v ụ|Đ ảng|Ả NG/);
}

describe("extractPdf", () => {
  const layouts: [string, PdfOptions][] = [
    ["left-aligned, spaced paragraphs", {}],
    [
      "justified with first-line indents and no spacing",
      { align: "justify", firstLineIndent: 36, paragraphGap: 0 },
    ],
    ["words as separate objects, split mid-word across fonts", { fragmented: true, align: "justify" }],
    ["decomposed (NFD) text", { decomposed: true }],
  ];

  it.each(layouts)("rebuilds a Vietnamese directive, %s", async (_, options) => {
    const result = await extractPdf(await makePdf(DIRECTIVE, options), "chi-thi-05.pdf");
    expect(result).toMatchObject({ ok: true, pages: 1 });
    expect(paragraphsOf(result)).toEqual(DIRECTIVE_TEXT);
    const text = result.ok ? result.text : "";
    const lines = text.split("\n");
    for (const marker of ITEMS) expect(lines.filter((l) => l.startsWith(marker))).toHaveLength(1);
    expectComposedVietnamese(text);
  });

  it("keeps page order across pages, rejoins a paragraph cut by a page break, drops headers and page numbers", async () => {
    const body = Array.from(
      { length: 14 },
      (_, i) =>
        `${i + 1}. Nhiệm vụ số ${i + 1}: các cơ quan, đơn vị rà soát, báo cáo kết quả thực hiện công tác dân vận chính quyền, tiếp công dân và đối thoại với Nhân dân trong quý ${(i % 4) + 1}.`,
    );
    const paragraphs = [...body.slice(0, 12), { text: body[12]!, pageBreakBefore: true }, body[13]!];
    const pdf = await makePdf(paragraphs, {
      fontSize: 15,
      runningHeader: "Chỉ thị số 05-CT/TU",
      pageNumbers: true,
    });
    const raw = await rawPages(pdf);
    expect(raw.length).toBeGreaterThanOrEqual(3);
    // Precondition: some item really is split between the bottom of one page and the top of the next.
    const cut = raw.slice(0, -1).some((page) => !(page.lines.at(-1) ?? ".").endsWith("."));
    expect(cut).toBe(true);

    const result = await extractPdf(pdf, "nhieu-trang.pdf");
    expect(result).toMatchObject({ ok: true, pages: raw.length });
    expect(paragraphsOf(result)).toEqual(body);
    const text = result.ok ? result.text : "";
    expect(text).not.toContain("Chỉ thị số 05-CT/TU");
    expect(text).not.toMatch(/- \d+ -/);
  });

  it("round-trips French accents and removes line-end hyphenation of Latin words", async () => {
    const pdf = await makePdf([FRENCH, DIRECTIVE_TEXT[7]!], { hyphenate: true, fontSize: 15 });
    const raw = await rawPages(pdf);
    expect(raw[0]!.lines.some((line) => /\p{L}-$/u.test(line))).toBe(true); // a word was really cut
    const result = await extractPdf(pdf, "francais.pdf");
    expect(paragraphsOf(result)).toEqual([FRENCH, DIRECTIVE_TEXT[7]]);
  });

  it("reports a scanned PDF (images, no text layer) by name instead of returning empty text", async () => {
    const result = await extractPdf(await makeScannedPdf(2), "ban-scan-chi-thi.pdf");
    expect(result).toMatchObject({ ok: false, code: "no-text-layer" });
    expect(!result.ok && result.message).toContain("ban-scan-chi-thi.pdf");
  });

  it("reports garbage and truncated files as unreadable, a password-protected one as encrypted", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37 + 11) % 256);
    const whole = await makePdf(DIRECTIVE);
    const cases: [Uint8Array, string, string][] = [
      [garbage, "rac.pdf", "unreadable"],
      [new Uint8Array(0), "rong.pdf", "unreadable"],
      [whole.subarray(0, Math.floor(whole.length / 2)), "cat-doi.pdf", "unreadable"],
      [await makePdf(DIRECTIVE, { userPassword: "mat-khau" }), "khoa.pdf", "encrypted"],
    ];
    for (const [bytes, name, code] of cases) {
      const result = await extractPdf(bytes, name);
      expect(result, name).toMatchObject({ ok: false, code });
      expect(!result.ok && result.message, name).toContain(name);
    }
  });

  it("leaves the caller's bytes intact (pdf.js would otherwise detach them)", async () => {
    const pdf = new Uint8Array(await makePdf(["Số 05-CT/TU"]));
    const copy = pdf.slice();
    await extractPdf(pdf, "a.pdf");
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(pdf, copy)).toBe(0);
  });
});

describe("extractDocx", () => {
  it("reads a Vietnamese directive with its heading, typed numbers, soft line breaks and NFD text", async () => {
    const paragraphs: (string | DocxParagraph)[] = [
      "TỈNH ỦY QUẢNG NINH",
      "Số 05-CT/TU",
      "Quảng Ninh, ngày 10 tháng 3 năm 2025",
      { text: "CHỈ THỊ", heading: 1, align: "center" },
      ...DIRECTIVE_TEXT.slice(5).map(
        (text) =>
          /^[IV]+\. /.test(text)
            ? { text, heading: 2 as const }
            : { text: text.normalize("NFD"), align: "justify" as const }, // as macOS writes it
      ),
      { text: "Nơi nhận:\n- Các huyện ủy, thị ủy;\n- Lưu Văn phòng Tỉnh ủy." },
    ];
    const result = await extractDocx(await makeDocx(paragraphs), "chi-thi-05.docx");
    expect(result.ok).toBe(true);
    const text = result.ok ? result.text : "";
    expect(paragraphsOf(result).slice(0, -1)).toEqual(
      paragraphs.slice(0, -1).map((p) => (typeof p === "string" ? p : p.text).normalize("NFC")),
    );
    const lines = text.split("\n");
    for (const marker of ITEMS) expect(lines.filter((l) => l.startsWith(marker))).toHaveLength(1);
    expect(text).toContain("Nơi nhận:\n- Các huyện ủy, thị ủy;\n- Lưu Văn phòng Tỉnh ủy.");
    expectComposedVietnamese(text);
  });

  it("writes out Word's automatic list numbers, which are not in the text runs", async () => {
    const docx = await makeDocx([
      { text: "NHIỆM VỤ, GIẢI PHÁP", heading: 2 },
      { text: "Tiếp công dân, đối thoại với Nhân dân.", list: 0 },
      { text: "Cải cách hành chính.", list: 0 },
      { text: "Sở Nội vụ chủ trì.", list: 1 },
      { text: "Ủy ban nhân dân các huyện thực hiện.", list: 1 },
      { text: "Tuyên truyền Chỉ thị.", list: 0 },
      { text: "Ban Tuyên giáo chủ trì.", list: 1 },
    ]);
    expect(paragraphsOf(await extractDocx(docx, "tu-dong.docx"))).toEqual([
      "NHIỆM VỤ, GIẢI PHÁP",
      "1. Tiếp công dân, đối thoại với Nhân dân.",
      "2. Cải cách hành chính.",
      "a) Sở Nội vụ chủ trì.",
      "b) Ủy ban nhân dân các huyện thực hiện.",
      "3. Tuyên truyền Chỉ thị.",
      "a) Ban Tuyên giáo chủ trì.",
    ]);
  });

  it("round-trips French and Japanese (Japanese is tested through DOCX only: no CJK font is installed)", async () => {
    const result = await extractDocx(await makeDocx([FRENCH, JAPANESE]), "langues.docx");
    expect(paragraphsOf(result)).toEqual([FRENCH, JAPANESE]);
  });

  it("reports broken, foreign and empty files with a stable code and the file name", async () => {
    const whole = await makeDocx(DIRECTIVE_TEXT);
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = ole.slice();
    encrypted.set(Buffer.from("EncryptedPackage", "utf16le"), 600);
    const cases: [Uint8Array, string, string][] = [
      [new Uint8Array(2048).map((_, i) => (i * 37 + 11) % 256), "rac.docx", "unreadable"],
      [whole.subarray(0, Math.floor(whole.length / 2)), "cat-doi.docx", "unreadable"],
      [await makePdf(["Số 05-CT/TU"]), "thuc-ra-la-pdf.docx", "unreadable"],
      [ole, "cu.docx", "unreadable"],
      [encrypted, "khoa.docx", "encrypted"],
      [await makeDocx([" "]), "trong.docx", "no-text-layer"],
    ];
    for (const [bytes, name, code] of cases) {
      const result = await extractDocx(bytes, name);
      expect(result, name).toMatchObject({ ok: false, code });
      expect(!result.ok && result.message, name).toContain(name);
    }
  });
});

describe("extractText", () => {
  it("chooses the extractor by extension and refuses other files", async () => {
    expect(binaryFormatOf("Chi-Thi.PDF")).toBe("pdf");
    expect(binaryFormatOf("a/b.docx")).toBe("docx");
    expect(binaryFormatOf("notes.txt")).toBeNull();
    const pdf = await extractText(await makePdf(["Số 05-CT/TU"]), "Chi-Thi.PDF");
    expect(pdf).toEqual({ ok: true, text: "Số 05-CT/TU", pages: 1 });
    const docx = await extractText(await makeDocx(["Số 05-CT/TU"]), "chi-thi.docx");
    expect(docx).toEqual({ ok: true, text: "Số 05-CT/TU" });
    expect(await extractText(new Uint8Array([1]), "notes.txt")).toMatchObject({
      ok: false,
      code: "unreadable",
    });
  });
});

describe("doc fixtures", () => {
  it("are deterministic: the same input gives the same bytes", async () => {
    expect(Buffer.compare(await makePdf(DIRECTIVE), await makePdf(DIRECTIVE))).toBe(0);
    expect(Buffer.compare(await makeDocx(DIRECTIVE_TEXT), await makeDocx(DIRECTIVE_TEXT))).toBe(0);
    expect(Buffer.compare(await makeScannedPdf(), await makeScannedPdf())).toBe(0);
  });
});

/** The raw lines pdf.js reports per page, to check that a fixture has the shape a test relies on. */
async function rawPages(pdf: Uint8Array): Promise<{ lines: string[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: { lines: string[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const lines: string[] = [];
    let line = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        if (line.trim()) lines.push(line.trim());
        line = "";
      }
    }
    if (line.trim()) lines.push(line.trim());
    pages.push({ lines: lines.filter((l) => !/^- \d+ -$|^Chỉ thị số/.test(l)) });
  }
  await doc.destroy();
  return pages;
}
