import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeRule, suggestedDates } from "../../../src/reminders/calendar/index.js";
import { type Duty, extractDuties, splitUnits } from "../../../src/reminders/extract/index.js";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const brief = (duties: Duty[]) =>
  duties.map((d) => ({ rule: d.rule, units: d.units, recipient: d.recipient }));

function expectVerbatim(text: string, duties: Duty[]): void {
  for (const d of duties) {
    expect(text.slice(d.start, d.end)).toBe(d.quote);
    expect(d.kind).toBe(d.rule.kind);
  }
}

describe("extractDuties — Vietnamese", () => {
  it("reads two periods with their own deadlines in one sentence", () => {
    const text =
      "Định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 25/11) báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Dân vận Tỉnh ủy).";
    const duties = extractDuties(text);
    expect(brief(duties)).toEqual([
      {
        rule: { kind: "semiannual", dates: [{ day: 10, month: 6 }] },
        units: [],
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
      { rule: { kind: "annual", day: 25, month: 11 }, units: [], recipient: "Ban Thường vụ Tỉnh ủy" },
    ]);
    expect(duties.every((d) => d.quote === text && d.lang === "vi")).toBe(true);
    expect(duties.flatMap((d) => suggestedDates(d.rule, "2025-01-01", "2025-12-31"))).toEqual([
      "2025-06-10",
      "2025-11-25",
    ]);
  });

  it("dates a period by the brackets it opens, even with a year; a body's name keeps its 'và'", () => {
    const text =
      "Ủy ban nhân dân các xã báo cáo định kỳ 6 tháng (trước ngày 10/6/2026) và hằng năm (trước ngày 10/11/2026) về Sở Nông nghiệp và Môi trường.";
    const recipient = "Sở Nông nghiệp và Môi trường";
    const units = ["Ủy ban nhân dân các xã"];
    expect(brief(extractDuties(text))).toEqual([
      { rule: { kind: "semiannual", dates: [{ day: 10, month: 6 }] }, units, recipient },
      { rule: { kind: "annual", day: 10, month: 11 }, units, recipient },
    ]);
  });

  it("reads each clause that states a report and its time as a duty of its own, with its units and recipient", () => {
    const text =
      "Chế độ báo cáo: công an xã, phường, đặc khu báo cáo số vụ hằng tháng trước ngày 22 về Công an tỉnh; các sở, ngành, Ủy ban nhân dân xã, phường báo cáo năm trước ngày 16/11/2026 về Ủy ban nhân dân tỉnh (qua Công an tỉnh); Công an tỉnh tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh trước ngày 04/12/2026.";
    expect(brief(extractDuties(text))).toEqual([
      {
        rule: { kind: "monthly", day: 22 },
        units: ["công an xã, phường, đặc khu"],
        recipient: "Công an tỉnh",
      },
      {
        rule: { kind: "once", date: "2026-11-16" },
        units: ["sở, ngành", "Ủy ban nhân dân xã, phường"],
        recipient: "Ủy ban nhân dân tỉnh",
      },
      {
        rule: { kind: "once", date: "2026-12-04" },
        units: ["Công an tỉnh"],
        recipient: "Chủ tịch Ủy ban nhân dân tỉnh",
      },
    ]);
    // A clause naming no recipient reports where the sentence says.
    const shared = extractDuties(
      "Chế độ báo cáo: đảng ủy các xã, phường ven biển báo cáo hằng tháng trước ngày 20; gửi báo cáo năm về Ban Thường vụ Tỉnh ủy trước ngày 10/12/2025.",
    );
    expect(brief(shared)).toEqual([
      {
        rule: { kind: "monthly", day: 20 },
        units: ["đảng ủy các xã, phường ven biển"],
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
      {
        rule: { kind: "once", date: "2025-12-10" },
        units: ["đảng ủy các xã, phường ven biển"],
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
    ]);
  });

  it("reads a monthly quick report and the units that owe it", () => {
    const duties = extractDuties("Các huyện ủy, thị ủy, thành ủy báo cáo nhanh hằng tháng trước ngày 25.");
    expect(brief(duties)).toEqual([
      { rule: { kind: "monthly", day: 25 }, units: ["huyện ủy", "thị ủy", "thành ủy"], recipient: null },
    ]);
  });

  it("reads a quarterly rule tied to the quarter's last month", () => {
    const text =
      "Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo hằng quý, trước ngày 20 của tháng cuối quý về Ủy ban nhân dân tỉnh.";
    const [duty, ...rest] = extractDuties(text);
    expect(rest).toEqual([]);
    expect(duty?.rule).toEqual({ kind: "quarterly", day: 20, month: "last" });
    expect(duty?.units).toEqual(["sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"]);
    expect(duty?.recipient).toBe("Ủy ban nhân dân tỉnh");
    expect(describeRule(duty!.rule, "en")).toBe("quarterly, before the 20th of the quarter's last month");
    expect(suggestedDates(duty!.rule, "2025-01-01", "2025-12-31")).toEqual([
      "2025-03-20",
      "2025-06-20",
      "2025-09-19",
      "2025-12-19",
    ]);
  });

  it("reads dated one-off reviews", () => {
    const text =
      "Sở Nội vụ báo cáo sơ kết trước ngày 30/6/2025.\nTổ chức tổng kết việc thực hiện Kế hoạch trước ngày 15/12/2026.";
    const duties = extractDuties(text);
    expect(brief(duties)).toEqual([
      { rule: { kind: "once", date: "2025-06-30" }, units: ["Sở Nội vụ"], recipient: null },
      { rule: { kind: "once", date: "2026-12-15" }, units: [], recipient: null },
    ]);
    expectVerbatim(text, duties);
    expect(
      brief(extractDuties("Các huyện báo cáo kết quả trước ngày 6 tháng 12 năm 2025 về Sở Nội vụ.")),
    ).toEqual([{ rule: { kind: "once", date: "2025-12-06" }, units: ["huyện"], recipient: "Sở Nội vụ" }]);
  });

  it("reads a day/month one-off against the reference date, and not without one", () => {
    const text = "Các đơn vị báo cáo sơ kết trước ngày 15/6.";
    expect(extractDuties(text, { referenceDate: "2025-03-10" })[0]?.rule).toEqual({
      kind: "once",
      date: "2025-06-15",
    });
    expect(extractDuties(text, { referenceDate: "2025-07-01" })[0]?.rule).toEqual({
      kind: "once",
      date: "2026-06-15",
    });
    expect(extractDuties(text)).toEqual([]);
  });

  it("reads 'sơ kết/tổng kết 6 tháng' as one review, due on the last day of a named month", () => {
    // One review of the first six months, not "every six months"; "vào/trong/chậm nhất tháng M/YYYY"
    // has no day, so it is due on the month's last day.
    expect(
      brief(extractDuties("Sở Văn hóa tham mưu Ủy ban nhân dân tỉnh sơ kết 6 tháng vào tháng 7/2026.")),
    ).toEqual([{ rule: { kind: "once", date: "2026-07-31" }, units: ["Sở Văn hóa"], recipient: null }]);
    const [review] = extractDuties(
      "Ban Dân vận Huyện ủy báo cáo sơ kết sáu tháng về Ban Thường vụ chậm nhất tháng 2 năm 2028.",
    );
    expect(review?.rule).toEqual({ kind: "once", date: "2028-02-29" });
    expect(describeRule(review!.rule, "vi")).toBe("một lần, trước ngày 29/2/2028");
    // 31/1/2027 is a Sunday: due the Friday before, like any other one-off.
    const [yearEnd] = extractDuties("Văn phòng Huyện ủy tổng kết 06 tháng trong tháng 01/2027.");
    expect(yearEnd?.rule).toEqual({ kind: "once", date: "2027-01-31" });
    expect(suggestedDates(yearEnd!.rule, "2027-01-01", "2027-12-31")).toEqual(["2027-01-29"]);
    // With a day and month only, the review is a one-off against the reference date, not semiannual.
    expect(
      extractDuties("Các xã báo cáo tổng kết 6 tháng trước ngày 20/6.", { referenceDate: "2026-01-05" })[0]
        ?.rule,
    ).toEqual({ kind: "once", date: "2026-06-20" });
  });

  it("still reads 'định kỳ 6 tháng' and '6 tháng một lần' as half-yearly", () => {
    expect(
      brief(
        extractDuties(
          "Các phòng chuyên môn báo cáo định kỳ 6 tháng trước ngày 15/6 về Ủy ban nhân dân huyện.",
        ),
      ),
    ).toEqual([
      {
        rule: { kind: "semiannual", dates: [{ day: 15, month: 6 }] },
        units: ["phòng chuyên môn"],
        recipient: "Ủy ban nhân dân huyện",
      },
    ]);
    expect(
      extractDuties("Các trường học báo cáo Phòng Giáo dục 6 tháng một lần.").map((d) => d.rule),
    ).toEqual([{ kind: "periodic", every: "half-year" }]);
    // "Định kỳ" just before the review verb makes the review recur.
    expect(
      extractDuties(
        "Định kỳ sơ kết 6 tháng, các trạm y tế báo cáo Trung tâm Y tế huyện trước ngày 20/6.",
      ).map((d) => d.rule),
    ).toEqual([{ kind: "semiannual", dates: [{ day: 20, month: 6 }] }]);
  });

  it("finds the duties of real Vietnamese directives, with units carried from the sentence before", () => {
    const chiThi = read("test/fixtures/directives-vi/chi-thi-05-CT-TU-ha-tinh.txt");
    const units = ["huyện ủy", "thị ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"];
    const found = extractDuties(chiThi);
    expect(brief(found)).toEqual([
      {
        rule: { kind: "semiannual", dates: [{ day: 10, month: 6 }] },
        units,
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
      { rule: { kind: "annual", day: 25, month: 11 }, units, recipient: "Ban Thường vụ Tỉnh ủy" },
    ]);
    expectVerbatim(chiThi, found);

    const keHoach = read("test/fixtures/directives-vi/ke-hoach-112-KH-UBND-nghe-an.txt");
    const plan = extractDuties(keHoach);
    expect(brief(plan)).toEqual([
      // "xây dựng kế hoạch cụ thể, hoàn thành trước ngày 15/3/2025, gửi về Sở Nội vụ": a plan to send.
      {
        rule: { kind: "once", date: "2025-03-15" },
        units: ["Ủy ban nhân dân các huyện, thành phố, thị xã"],
        recipient: "Sở Nội vụ",
      },
      {
        rule: { kind: "monthly", day: 25 },
        units: ["sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố, thị xã"],
        recipient: null,
      },
      { rule: { kind: "quarterly", day: 20, month: "last" }, units: [], recipient: "Sở Nội vụ" },
      { rule: { kind: "once", date: "2025-06-30" }, units: [], recipient: "Ủy ban nhân dân tỉnh" },
      { rule: { kind: "once", date: "2025-11-15" }, units: [], recipient: "Ủy ban nhân dân tỉnh" },
    ]);
    expectVerbatim(keHoach, plan);

    const quyDinh = extractDuties(read("test/fixtures/directives-vi/quy-dinh-08-QDi-TU-quang-tri.txt"));
    expect(brief(quyDinh)).toEqual([
      {
        rule: { kind: "annual", day: 30, month: 11 },
        units: ["Ủy ban Kiểm tra Tỉnh ủy"],
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
    ]);

    const congVan = extractDuties(read("test/fixtures/directives-vi/cong-van-215-CV-HU-can-loc.md"));
    expect(brief(congVan)).toEqual([
      {
        rule: { kind: "once", date: "2025-05-05" },
        units: ["chi bộ", "đảng bộ trực thuộc"],
        recipient: "Ban Thường vụ Huyện ủy",
      },
    ]);
  });

  it("reads the units after a label ('Chế độ báo cáo:') and gives a shared body to each listed place", () => {
    const labelled = extractDuties(
      "6. Chế độ báo cáo: các huyện ủy, thị ủy, thành ủy báo cáo nhanh tình hình thiệt hại; báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 15/12/2025.",
    );
    expect(brief(labelled)).toEqual([
      {
        rule: { kind: "once", date: "2025-12-15" },
        units: ["huyện ủy", "thị ủy", "thành ủy"],
        recipient: "Ban Thường vụ Tỉnh ủy",
      },
    ]);
    const places = extractDuties(
      "Huyện ủy Minh Hóa, Tuyên Hóa, Bố Trạch xây dựng kế hoạch cụ thể, gửi về Ban Dân vận Tỉnh ủy trước ngày 30/6/2025.",
    );
    expect(brief(places)).toEqual([
      {
        rule: { kind: "once", date: "2025-06-30" },
        units: ["Huyện ủy Minh Hóa", "Huyện ủy Tuyên Hóa", "Huyện ủy Bố Trạch"],
        recipient: "Ban Dân vận Tỉnh ủy",
      },
    ]);
    // A list of bodies is not a list of places: each keeps its own name.
    const bodies = extractDuties("Sở Nội vụ, Sở Tư pháp báo cáo Ủy ban nhân dân tỉnh trước ngày 10/7/2025.");
    expect(brief(bodies)[0]?.units).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
  });

  it("reads decomposed (NFD) text and still quotes the input verbatim", () => {
    const text = "Các huyện ủy báo cáo nhanh hằng tháng trước ngày 25.".normalize("NFD");
    const [duty] = extractDuties(text);
    expect(duty?.rule).toEqual({ kind: "monthly", day: 25 });
    expect(duty?.quote).toBe(text);
    expect(text.includes(duty!.quote)).toBe(true);
  });

  it.each([
    "Theo báo cáo của Sở Nội vụ, năm 2024 toàn tỉnh có 120 mô hình.",
    "Theo báo cáo hằng năm của Sở, tỷ lệ hộ nghèo giảm.",
    "Ngày 25/11/2024, Sở đã báo cáo Ban Thường vụ hằng năm.",
    "Báo cáo viên tuyên truyền hằng tháng về tình hình thời sự.",
    "Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.",
    "Các huyện ủy hoàn thành kế hoạch trước ngày 15/4/2025.",
    "Bí thư cấp ủy các cấp duy trì việc tiếp công dân định kỳ ít nhất 01 ngày trong tháng.",
    "Cơ quan chức năng báo cáo trong 6 tháng tới sẽ hoàn thành.",
    "Ban Dân vận tham mưu Ban Thường vụ Tỉnh ủy sơ kết 3 năm và tổng kết 5 năm thực hiện Chỉ thị.",
    // A one-time review with no date: not "every six months", and no time stated.
    "Các xã tổng kết 6 tháng thực hiện Nghị quyết về xây dựng nông thôn mới.",
    // A month named without "vào/trong/chậm nhất" is what the report covers, not when it is due.
    "Sở Nội vụ gửi Báo cáo tháng 7 năm 2026 cho Ủy ban nhân dân tỉnh.",
    "V. CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
  ])("does not take %j for a duty", (text) => {
    expect(extractDuties(text)).toEqual([]);
  });
});

describe("extractDuties — French and Japanese seeds (1470-CV/TU)", () => {
  it("reads task 10 and the closing paragraph of the French version as periodic duties", () => {
    const text = read("corpus/000_47ee2a2a6edbd7b0.txt");
    const duties = extractDuties(text);
    expect(brief(duties)).toEqual([
      {
        rule: { kind: "periodic" },
        units: [
          "comités du Parti",
          "groupes du Parti",
          "comités du Parti de district, de ville et de cité",
          "comités du Parti subordonnés",
        ],
        recipient: "Comité permanent provincial du Parti",
      },
      {
        rule: { kind: "periodic" },
        units: ["département de mobilisation des masses du comité provincial du Parti"],
        recipient: "comité permanent provincial du Parti",
      },
    ]);
    expect(duties[0]?.quote).toMatch(/^Les comités du Parti, .*rendre compte périodiquement .*\)\.$/);
    expectVerbatim(text, duties);
    expect(duties.flatMap((d) => suggestedDates(d.rule, "2025-01-01", "2025-12-31"))).toEqual([]);
  });

  it("reads the same duties in the Japanese version", () => {
    const text = read("corpus/004_38580ef53a787c49.txt");
    const duties = extractDuties(text);
    expect(brief(duties)).toEqual([
      {
        rule: { kind: "periodic" },
        units: ["党委員会", "党グループ", "地区、郷、市党委員会", "所属党委員会"],
        recipient: "省党常務委員会",
      },
      { rule: { kind: "periodic" }, units: ["省党委員会大衆動員部"], recipient: "省党常務委員会" },
    ]);
    expect(duties.every((d) => d.lang === "ja")).toBe(true);
    expectVerbatim(text, duties);
  });

  it("finds nothing in the seed articles that state no duty", () => {
    for (const file of ["001_5b81355c00a4b54c.txt", "002_a23678b1d4c25978.txt", "003_7c6a519dd1acbf51.txt"]) {
      expect(extractDuties(read(`corpus/${file}`))).toEqual([]);
    }
  });
});

describe("extractDuties — French, English and Japanese phrasing", () => {
  it("reads dated French duties", () => {
    expect(
      brief(
        extractDuties(
          "Les comités populaires de district rendent compte chaque trimestre, avant le 20 du dernier mois du trimestre, au Comité populaire provincial.",
        ),
      ),
    ).toEqual([
      {
        rule: { kind: "quarterly", day: 20, month: "last" },
        units: ["comités populaires de district"],
        recipient: "Comité populaire provincial",
      },
    ]);
    expect(
      brief(
        extractDuties(
          "Le Département de l'Intérieur fait rapport au Comité populaire provincial avant le 30 juin 2025.",
        ),
      ),
    ).toEqual([
      {
        rule: { kind: "once", date: "2025-06-30" },
        units: ["Département de l'Intérieur"],
        recipient: "Comité populaire provincial",
      },
    ]);
  });

  it("reads English duties", () => {
    const text = [
      "Departments and district People's Committees shall report quarterly, before the 20th of the last month of the quarter, to the Provincial People's Committee.",
      "Units report monthly before the 25th.",
      "The Department of Home Affairs shall submit a review report by 30 June 2025.",
      "The Department reports to the Provincial People's Committee every six months, before 15 June and 15 December.",
      "Districts submit their monthly reports by the 5th of each month to the Department of Home Affairs.",
    ].join("\n");
    const duties = extractDuties(text);
    expect(brief(duties)).toEqual([
      {
        rule: { kind: "quarterly", day: 20, month: "last" },
        units: ["Departments", "district People's Committees"],
        recipient: "Provincial People's Committee",
      },
      { rule: { kind: "monthly", day: 25 }, units: ["Units"], recipient: null },
      { rule: { kind: "once", date: "2025-06-30" }, units: ["Department of Home Affairs"], recipient: null },
      {
        rule: {
          kind: "semiannual",
          dates: [
            { day: 15, month: 6 },
            { day: 15, month: 12 },
          ],
        },
        units: ["Department"],
        recipient: "Provincial People's Committee",
      },
      { rule: { kind: "monthly", day: 5 }, units: ["Districts"], recipient: "Department of Home Affairs" },
    ]);
    expectVerbatim(text, duties);
    expect(duties.every((d) => d.lang === "en")).toBe(true);
  });

  it("reads Japanese dated duties, full-width digits included", () => {
    expect(brief(extractDuties("各部門は毎月２５日までに省人民委員会に報告する。"))).toEqual([
      { rule: { kind: "monthly", day: 25 }, units: ["各部門"], recipient: "省人民委員会" },
    ]);
    expect(
      brief(
        extractDuties(
          "各区人民委員会は、四半期ごとに、四半期の最終月の20日までに実施結果を省人民委員会に報告する。",
        ),
      ),
    ).toEqual([
      {
        rule: { kind: "quarterly", day: 20, month: "last" },
        units: ["各区人民委員会"],
        recipient: "省人民委員会",
      },
    ]);
  });

  it.each([
    "Le journal Thanh Hoa doit améliorer la qualité de leurs reportages chaque mois.",
    "Chaque année, le travail d'inspection et de supervision est intégré à l'inspection de la réforme administrative.",
    "Les cadres doivent se rendre compte régulièrement des besoins de la population.",
    "The quarterly report was published in May.",
    "According to the annual report, poverty fell each year.",
    "報告によると、毎年増加している。",
  ])("does not take %j for a duty", (text) => {
    expect(extractDuties(text)).toEqual([]);
  });

  it("can be told the language", () => {
    const text = "Các huyện ủy báo cáo nhanh hằng tháng trước ngày 25.";
    expect(extractDuties(text, { lang: "en" })).toEqual([]);
    expect(extractDuties(text, { lang: "vi" })).toHaveLength(1);
  });
});

describe("splitUnits", () => {
  it.each([
    ["Các huyện ủy, thị ủy, thành ủy", "vi", ["huyện ủy", "thị ủy", "thành ủy"]],
    ["Các sở, ban, ngành và Mặt trận Tổ quốc tỉnh", "vi", ["sở, ban, ngành", "Mặt trận Tổ quốc tỉnh"]],
    ["Sở Nội vụ (cơ quan thường trực, đầu mối)", "vi", ["Sở Nội vụ (cơ quan thường trực, đầu mối)"]],
    // A merged body's name holds "và" and commas; a field of it is not a body of its own.
    ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "vi", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]],
    [
      "Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội và Công an tỉnh",
      "vi",
      ["Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội", "Công an tỉnh"],
    ],
    [
      "Đài Phát thanh và Truyền hình tỉnh, Báo Hà Tĩnh và Viettel Hà Tĩnh",
      "vi",
      ["Đài Phát thanh và Truyền hình tỉnh", "Báo Hà Tĩnh", "Viettel Hà Tĩnh"],
    ],
    ["Huyện ủy Minh Hóa, Tuyên Hóa", "vi", ["Huyện ủy Minh Hóa", "Huyện ủy Tuyên Hóa"]],
    [
      "Les comités du Parti, les comités du Parti de district, de ville et de cité",
      "fr",
      ["comités du Parti", "comités du Parti de district, de ville et de cité"],
    ],
    [
      "The Department of Finance, of Home Affairs and the districts",
      "en",
      ["Department of Finance, of Home Affairs", "districts"],
    ],
    [
      "党委員会、地区、郷、市党委員会及び所属党委員会",
      "ja",
      ["党委員会", "地区、郷、市党委員会", "所属党委員会"],
    ],
  ] as const)("splits %j", (subject, lang, units) => {
    expect(splitUnits(subject, lang)).toEqual(units);
  });
});
