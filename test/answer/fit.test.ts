import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  asksQuantity,
  headNames,
  kindFits,
  namesFit,
  placeNames,
  statesFigure,
  yearsFit,
} from "../../src/answer/fit.js";
import type { Document, Passage } from "../../src/corpus/index.js";
import { fold } from "../../src/text/index.js";

const passage = (text: string): Passage => ({
  id: "p",
  kind: "task",
  task: 3,
  section: "",
  heading: null,
  text,
  start: 0,
  end: text.length,
});

describe("place names in a question", () => {
  it("finds Vietnamese place names in any of the Latin-script languages, folded", () => {
    expect(placeNames("Quel est le taux de dépôt en ligne dans la province de Lang Son ?", "fr")).toEqual([
      "lang son",
    ]);
    expect(placeNames("How many complaints did Quang Tri province receive in 2024?", "en")).toEqual([
      "quang tri",
    ]);
    expect(placeNames("Dân số tỉnh Thanh Hóa năm 2024 là bao nhiêu người?", "vi")).toEqual(["thanh hoa"]);
  });

  it("ignores capitalised English and French words and the first word", () => {
    expect(placeNames("What does the Fatherland Front do under the Standing Committee?", "en")).toEqual([]);
    expect(placeNames("Cao Bang a-t-il un plan ?", "fr")).toEqual([]);
    expect(placeNames("カオバン省の重点任務の第6は何ですか？", "ja")).toEqual([]);
  });
});

describe("questions that ask for a figure", () => {
  it("recognises how-many questions in four languages", () => {
    for (const q of [
      "Bao nhiêu thủ tục được cắt giảm?",
      "How much money was allocated?",
      "Quel est le taux de satisfaction ?",
      "処理時間を何％削減しますか？",
    ])
      expect(asksQuantity(q), q).toBe(true);
    expect(asksQuantity("Who guides the media?")).toBe(false);
  });

  it("reads 'mấy' as how many only when no other word asks the question, and never 'máy' or the English 'may'", () => {
    for (const q of ["Cao Bằng mở mấy hội nghị?", "cao bang mo may hoi nghi", "mấy giờ họp?"])
      expect(asksQuantity(q), q).toBe(true);
    for (const q of [
      "Mấy kẻ xúi dân ra cản máy thi công thì cơ quan nào xử lý?",
      "ra cản máy thi công thì sao",
      "What may citizens do?",
    ])
      expect(asksQuantity(q), q).toBe(false);
  });

  it("accepts a passage only when it states a figure beyond its label, cited numbers and the question's year", () => {
    expect(statesFigure(passage("3. Rút ngắn 30% thời gian giải quyết."), "bao nhiêu?")).toBe(true);
    expect(statesFigure(passage("4. Thực hiện Chỉ thị số 05-CT/TU nghiêm túc."), "bao nhiêu?")).toBe(false);
    expect(statesFigure(passage("1. Năm 2024 tiếp tục tuyên truyền."), "how many in 2024?")).toBe(false);
  });
});

describe("organisations are not places", () => {
  it("leaves out Vietnamese names that go on in lower case", () => {
    expect(placeNames("Quy định được ban hành căn cứ quy định nào của Bộ Chính trị?", "vi")).toEqual([]);
    expect(placeNames("Kế hoạch của tỉnh Nghệ An và Ban Thường vụ Tỉnh ủy", "vi")).toEqual(["nghe an"]);
  });
});

describe("place names end at punctuation and at a body's name", () => {
  it("does not run a place into the body after it", () => {
    expect(placeNames("Tại hội nghị ở Thái Bình, Ban Dân vận Tỉnh ủy khen thưởng bao nhiêu?", "vi")).toEqual([
      "thai binh",
    ]);
    expect(placeNames("Ở Thái Bình Ban Dân vận khen thưởng ai?", "vi")).toEqual(["thai binh"]);
    expect(placeNames("Thành phố Hải Phòng có bao nhiêu xã?", "vi")).toEqual(["hai phong"]);
  });
});

describe("figures written as words", () => {
  it("counts a number word as a figure, but not 'một số' (some)", () => {
    const q = "bao nhiêu?";
    expect(statesFigure(passage("Le Comité a félicité seize collectifs et individus."), q)).toBe(true);
    expect(statesFigure(passage("The board praised twelve communes."), q)).toBe(true);
    expect(statesFigure(passage("Tổ chức hai lần trong năm."), q)).toBe(true);
    expect(statesFigure(passage("Một số nơi còn hình thức."), q)).toBe(false);
    expect(statesFigure(passage("Le Comité a félicité les collectifs."), q)).toBe(false);
  });
});

describe("the kind of figure asked for", () => {
  const relief = passage("5. Danh sách hộ được hỗ trợ, mức hỗ trợ phải niêm yết công khai trong 05 ngày.");
  const money = passage("2. Mỗi hộ phải di dời được hỗ trợ 60 triệu đồng từ ngân sách tỉnh.");
  const share = passage("a) Đơn giản hóa ít nhất 20% thủ tục hành chính nội bộ.");

  it("wants a sum of money for 'how much money', in any language", () => {
    for (const q of [
      "Mỗi hộ được hỗ trợ bao nhiêu tiền?",
      "kinh phi bao nhieu",
      "How much money does each household get?",
      "Quel montant reçoit chaque ménage ?",
      "各世帯はいくら支援されますか？",
    ]) {
      expect(statesFigure(relief, q), q).toBe(false);
      expect(statesFigure(money, q), q).toBe(true);
    }
  });

  it("wants a sum of money when it asks what the fine is", () => {
    const strict = passage(
      "b) Chủ tàu tự ý tháo thiết bị giám sát hành trình bị xử lý nghiêm theo Nghị định số 38/2024/NĐ-CP.",
    );
    const fined = passage("c) Chủ tàu tự ý tháo thiết bị bị phạt từ 50 triệu đồng đến 70 triệu đồng.");
    for (const q of [
      "What's the fine for a boat owner who pulls out the tracking device?",
      "Chủ tàu tháo thiết bị thì mức phạt là bao nhiêu?",
      "Quelle est l'amende pour un patron qui retire sa balise ?",
      "装置を外した船主への罰金は？",
    ]) {
      expect(asksQuantity(q), q).toBe(true);
      expect(statesFigure(strict, q), q).toBe(false);
      expect(statesFigure(fined, q), q).toBe(true);
    }
    expect(asksQuantity("What is the fine print of the plan?")).toBe(false);
    expect(asksQuantity("Who fines the boat owners?")).toBe(false);
  });

  it("wants a percentage for 'what share', and any figure otherwise", () => {
    for (const q of [
      "giảm bao nhiêu phần trăm?",
      "What percentage is simplified?",
      "quel taux ?",
      "何％ですか？",
    ]) {
      expect(statesFigure(money, q), q).toBe(false);
      expect(statesFigure(share, q), q).toBe(true);
    }
    expect(statesFigure(relief, "trong bao nhiêu ngày?")).toBe(true);
  });
});

describe("kinds of document from their numbers", () => {
  const doc = (number: string) => ({ number }) as Document;
  it("reads the type code after the serial", () => {
    expect(kindFits(["directive"], doc("05-CT/TU"))).toBe(true);
    expect(kindFits(["plan"], doc("05-CT/TU"))).toBe(false);
    expect(kindFits(["plan"], doc("112/KH-UBND"))).toBe(true);
    expect(kindFits(["regulation"], doc("08-QĐi/TU"))).toBe(true);
    expect(kindFits(["official-letter"], doc("1470-CV/TU"))).toBe(true);
    expect(kindFits(["directive"], { number: null } as unknown as Document)).toBe(false);
  });
});

describe("years a question names", () => {
  const doc = (text: string, date: string | null = null) =>
    ({ date, versions: [{ title: "Kế hoạch", text }] }) as unknown as Document;
  it("fit a document that mentions them, in its text or its date", () => {
    expect(yearsFit("Mục tiêu năm 2025 là gì?", doc("giai đoạn 2021 - 2025"))).toBe(true);
    expect(yearsFit("What was planned for 2025?", doc("no year here", "2025-02-18"))).toBe(true);
    expect(yearsFit("何をしますか", doc("no year"))).toBe(true);
  });
  it("do not fit a document that never mentions them, in any notation of the question", () => {
    expect(yearsFit("Mục tiêu năm 2026 là bao nhiêu?", doc("giai đoạn 2021 - 2025"))).toBe(false);
    expect(yearsFit("2026年の計画は？", doc("2025年"))).toBe(false);
    // Other numbers are not years.
    expect(yearsFit("Tỷ lệ 12026 hộ?", doc("2025"))).toBe(true);
  });
});

describe("the place a document is headed by", () => {
  const doc = (head: string, body: string) =>
    ({
      versions: [{ title: "Chỉ thị", issuer: null, text: `${head}\n${"x ".repeat(500)}${body}` }],
    }) as unknown as Document;
  it("is read from its opening lines, not from a mention further down", () => {
    const haTinh = doc("TỈNH ỦY HÀ TĨNH\nHà Tĩnh, ngày 10 tháng 3 năm 2025", "");
    const canLoc = doc("HUYỆN ỦY CAN LỘC", "thực hiện Chỉ thị của Tỉnh ủy Hà Tĩnh");
    expect(headNames(["ha tinh"], haTinh)).toBe(true);
    expect(headNames(["ha tinh"], canLoc)).toBe(false);
    expect(namesFit(["ha tinh"], canLoc)).toBe(true);
    expect(headNames([], canLoc)).toBe(true);
  });
});

describe("a place named anywhere in a document", () => {
  // namesFit scans the text as written; it must agree with folding the whole text and looking there.
  const dirs = ["../fixtures/directives-vi/", "../../corpus/"];
  const texts = dirs.flatMap((dir) => {
    const folder = fileURLToPath(new URL(dir, import.meta.url));
    return readdirSync(folder).map((f) => readFileSync(path.join(folder, f), "utf8"));
  });
  const squashFold = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, " ");
  const as = (text: string) => ({ versions: [{ title: "", issuer: null, text }] }) as unknown as Document;

  it("is found in text as written exactly when the folded text holds it", () => {
    const names = [
      "nghe an",
      "ha tinh",
      "ly son",
      "thua thien hue",
      "da nang",
      "can loc",
      "quang tri",
      "hue",
    ];
    let found = 0;
    for (const text of texts) {
      const words = squashFold(text).split(" ").filter(Boolean);
      // Word pairs and triples of the text itself (found), and the same words out of order (mostly not).
      for (let i = 0; i + 2 < words.length; i += 37) {
        names.push(words.slice(i, i + 2).join(" "), words.slice(i, i + 3).join(" "));
        names.push(`${words[i + 2]} ${words[i]}`);
      }
      const squashed = squashFold(text);
      for (const n of names) {
        const expected = squashed.includes(n);
        if (expected) found++;
        expect([n, namesFit([n], as(text))]).toEqual([n, expected]);
      }
    }
    expect(found).toBeGreaterThan(200);
    expect(namesFit(["nghe an"], as("Báo NGHỆ-AN; Đài"))).toBe(true);
    expect(namesFit(["nghe an"], as("Nghe\u0323\u0302 An (written decomposed)".normalize("NFD")))).toBe(true);
    expect(namesFit(["nghe an"], as("Nghệ Anh"))).toBe(true);
    expect(namesFit(["nghe an"], as("Nghệ, Tĩnh An"))).toBe(false);
  });
});
