/**
 * A synthetic corpus for the scale bench: N directives in the usual Vietnamese structure (header,
 * number, place and date, I./II./III. sections, numbered tasks with a) b) points, assigned bodies,
 * reporting deadlines, recipients, signature), with task texts recombined from the clauses of the
 * Vietnamese fixtures; a share of the documents are French and Japanese letters built from the
 * seeds' numbered tasks, as the seed corpus is. Deterministic for a given seed.
 *
 * Run alone: `node --import tsx bench/synthetic.ts --n 1000 --out /tmp/corpus`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Document } from "../src/corpus/index.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const VI_DIR = path.join(ROOT, "test/fixtures/directives-vi");
const SEEDS = {
  fr: path.join(ROOT, "corpus/000_47ee2a2a6edbd7b0.txt"),
  ja: path.join(ROOT, "corpus/004_38580ef53a787c49.txt"),
};

const PROVINCES = [
  "Hà Tĩnh",
  "Nghệ An",
  "Quảng Trị",
  "Thanh Hóa",
  "Quảng Bình",
  "Thừa Thiên Huế",
  "Quảng Nam",
  "Quảng Ngãi",
  "Bình Định",
  "Phú Yên",
  "Khánh Hòa",
  "Ninh Thuận",
  "Lâm Đồng",
  "Đắk Lắk",
  "Gia Lai",
  "Kon Tum",
  "Cao Bằng",
  "Lạng Sơn",
  "Hà Giang",
  "Tuyên Quang",
  "Yên Bái",
  "Lào Cai",
  "Điện Biên",
  "Sơn La",
  "Hòa Bình",
  "Phú Thọ",
  "Thái Nguyên",
  "Bắc Giang",
  "Bắc Ninh",
  "Hải Dương",
  "Hưng Yên",
  "Thái Bình",
  "Nam Định",
  "Ninh Bình",
  "An Giang",
  "Đồng Tháp",
  "Bến Tre",
  "Trà Vinh",
  "Sóc Trăng",
  "Cà Mau",
];
const BODIES = [
  "Ban Dân vận Tỉnh ủy",
  "Ban Tuyên giáo Tỉnh ủy",
  "Ban Tổ chức Tỉnh ủy",
  "Ủy ban Kiểm tra Tỉnh ủy",
  "Văn phòng Tỉnh ủy",
  "Ban cán sự đảng Ủy ban nhân dân tỉnh",
  "Đảng đoàn Hội đồng nhân dân tỉnh",
  "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
  "Sở Nội vụ",
  "Thanh tra tỉnh",
  "Ban Tiếp công dân tỉnh",
  "Sở Thông tin và Truyền thông",
  "Tỉnh đoàn",
  "Hội Liên hiệp Phụ nữ tỉnh",
  "Hội Nông dân tỉnh",
  "Hội Cựu chiến binh tỉnh",
  "Liên đoàn Lao động tỉnh",
  "Báo và Đài Phát thanh - Truyền hình tỉnh",
];
const KINDS = [
  { name: "CHỈ THỊ", code: "CT/TU", word: "Chỉ thị" },
  { name: "KẾ HOẠCH", code: "KH/TU", word: "Kế hoạch" },
  { name: "CÔNG VĂN", code: "CV/TU", word: "Công văn" },
  { name: "HƯỚNG DẪN", code: "HD/TU", word: "Hướng dẫn" },
];
const TOPICS = [
  "tăng cường sự lãnh đạo của Đảng đối với công tác dân vận của chính quyền các cấp",
  "nâng cao chất lượng công tác tiếp công dân, đối thoại, giải quyết khiếu nại, tố cáo",
  'đẩy mạnh phong trào thi đua "Dân vận khéo" giai đoạn 2025 - 2030',
  "thực hiện dân chủ ở cơ sở gắn với cải cách hành chính và chuyển đổi số",
  "tăng cường công tác dân vận trong vùng đồng bào dân tộc thiểu số",
  "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể trong giám sát, phản biện xã hội",
  "nâng cao hiệu quả công tác nắm tình hình Nhân dân và định hướng dư luận xã hội",
  'tổ chức "Năm dân vận chính quyền" và đối thoại giữa người đứng đầu với Nhân dân',
];
const NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Đình Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Hải",
  "Võ Thị Lan",
];

/** A small seeded generator (mulberry32): the same seed gives the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Clauses of the numbered and lettered items of `texts` (the raw material of task texts). */
function clausesOf(texts: string[], split: RegExp): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const m = /^\s*(?:\d+\.|[a-zđ]\))\s+(.{30,})$/u.exec(line);
      if (!m?.[1]) continue;
      for (const c of m[1].split(split)) {
        const clause = c.trim().replace(/[.;。]+$/u, "");
        if (clause.length >= 25) out.add(clause);
      }
    }
  }
  return [...out];
}

/** Reads the clause pools once. */
function pools(): Record<"vi" | "fr" | "ja", string[]> {
  const vi = readdirSync(VI_DIR).map((f) => readFileSync(path.join(VI_DIR, f), "utf8"));
  return {
    vi: clausesOf(vi, /;\s+/),
    fr: clausesOf([readFileSync(SEEDS.fr, "utf8")], /;\s+|,\s+(?=[a-zéè])/u),
    ja: clausesOf([readFileSync(SEEDS.ja, "utf8")], /。/u),
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One task text: two or three distinct clauses from different items, joined as the originals are. */
function taskText(r: Rand, clauses: string[], joiner: string, end: string): string {
  const parts = new Set(Array.from({ length: int(r, 2, 3) }, () => pick(r, clauses)));
  return `${capital([...parts].join(joiner))}${end}`;
}

function vietnamese(r: Rand, n: number, clauses: string[]): string {
  const kind = pick(r, KINDS);
  const province = pick(r, PROVINCES);
  const [d, m, y] = [int(r, 1, 28), int(r, 1, 12), int(r, 2021, 2026)];
  const tasks = Array.from({ length: int(r, 4, 10) }, (_, i) => {
    const main = `${i + 1}. ${taskText(r, clauses, "; ", ".")}`;
    if (r() > 0.3) return main;
    return `${main}\na) ${taskText(r, clauses, "; ", ".")}\nb) ${taskText(r, clauses, "; ", ".")}`;
  });
  const duties = Array.from({ length: int(r, 2, 4) }, (_, i) => {
    const due = `${int(r, 1, 28)}/${int(r, 1, 12)}/${y + 1}`;
    return `${i + 1}. ${pick(r, BODIES)} chủ trì, phối hợp với ${pick(r, BODIES)} ${pick(r, clauses).toLowerCase()}; báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày ${due}.`;
  });
  return [
    `TỈNH ỦY ${province.toUpperCase()}\n*\nĐẢNG CỘNG SẢN VIỆT NAM`,
    `Số ${n}-${kind.code}\n${province}, ngày ${d} tháng ${m} năm ${y}`,
    `${kind.name}\ncủa Ban Thường vụ Tỉnh ủy\nvề ${pick(r, TOPICS)}`,
    `Thời gian qua, ${pick(r, clauses).toLowerCase()}. Tuy nhiên, ${pick(r, clauses).toLowerCase()}. Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tập trung thực hiện tốt những nội dung sau:`,
    `I. MỤC ĐÍCH, YÊU CẦU\n1. ${taskText(r, clauses, "; ", ".")}\n2. ${taskText(r, clauses, "; ", ".")}`,
    `II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n${tasks.join("\n")}`,
    `III. TỔ CHỨC THỰC HIỆN\n${duties.join("\n")}`,
    `${kind.word} này phổ biến đến chi bộ.\n\nNơi nhận:\n- Ban Dân vận Trung ương,\n- ${pick(r, BODIES)},\n- Lưu Văn phòng Tỉnh ủy.`,
    `T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\n${pick(r, NAMES)}`,
  ].join("\n\n");
}

function french(r: Rand, n: number, clauses: string[]): string {
  const months = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ];
  const date = `${int(r, 1, 28)} ${pick(r, months)} ${int(r, 2021, 2026)}`;
  const tasks = Array.from(
    { length: int(r, 4, 10) },
    (_, i) => `${i + 1}. ${taskText(r, clauses, " ; ", ".")}`,
  );
  return `Le ${date}, le Comité permanent du Comité provincial du Parti de ${pick(r, PROVINCES)} a publié le document n° ${n}-CV/TU relatif au travail de mobilisation des masses.\n\nVoici le texte intégral de la Lettre officielle :\n\n${tasks.join("\n")}\n\nLes comités du Parti rendent compte des résultats au Comité permanent provincial.`;
}

function japanese(r: Rand, n: number, clauses: string[]): string {
  const date = `${int(r, 2021, 2026)}年${int(r, 1, 12)}月${int(r, 1, 28)}日`;
  const tasks = Array.from(
    { length: int(r, 4, 10) },
    (_, i) => `${i + 1}. ${taskText(r, clauses, "。", "。")}`,
  );
  return `${date}、${pick(r, PROVINCES)}省党委員会常務委員会は公文書第${n}-CV/TU号を発出した。\n\n${tasks.join("\n")}\n\n各級党委員会は結果を省党委員会常務委員会に報告する。`;
}

/** Writes `count` documents under `dir` (100 per sub-folder) and returns their relative paths. */
export async function writeSyntheticCorpus(dir: string, count: number, seed = 1): Promise<string[]> {
  const pool = pools();
  const r = random(seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 100 + i;
    const x = r();
    const [lang, text] =
      x < 0.85
        ? ["vi", vietnamese(r, n, pool.vi)]
        : x < 0.95
          ? ["fr", french(r, n, pool.fr)]
          : ["ja", japanese(r, n, pool.ja)];
    const file = `${String(Math.floor(i / 100)).padStart(3, "0")}/${String(i).padStart(5, "0")}-${lang}.txt`;
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), `${text}\n`);
    files.push(file);
  }
  return files;
}

/**
 * `count` questions over an indexed synthetic corpus, mixed as users ask: Vietnamese phrases taken
 * from task passages (half), "task k of document N" in Vietnamese and English, and topic questions
 * about a named document in French and Japanese.
 */
export function makeQuestions(documents: Document[], count: number, seed = 7): string[] {
  const r = random(seed);
  const numbered = documents.filter((d) => d.number && d.versions[0]?.tasks.length);
  const vi = numbered.filter((d) => d.versions[0]?.lang === "vi");
  const out: string[] = [];
  while (out.length < count && numbered.length > 0) {
    const x = r();
    const doc = pick(r, x < 0.5 && vi.length > 0 ? vi : numbered);
    const tasks = doc.versions[0]?.tasks ?? [];
    const task = pick(r, tasks);
    if (x < 0.5) {
      const words = task.text.replace(/^\S+\s+/, "").split(/\s+/);
      const from = int(r, 0, Math.max(0, words.length - 9));
      out.push(`${words.slice(from, from + int(r, 5, 9)).join(" ")} như thế nào?`);
    } else if (x < 0.7) out.push(`Nhiệm vụ ${task.n} của văn bản số ${doc.number} yêu cầu gì?`);
    else if (x < 0.8) out.push(`What does task ${task.n} of ${doc.number} require?`);
    else if (x < 0.9)
      out.push(`Que dit le document ${doc.number} sur la réception des citoyens et les plaintes ?`);
    else out.push(`${doc.number}は苦情処理と住民対話について何を求めていますか`);
  }
  return out;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { values } = parseArgs({
    options: { n: { type: "string", default: "10000" }, out: { type: "string" } },
  });
  if (!values.out) throw new Error("give --out DIR");
  const files = await writeSyntheticCorpus(values.out, Number(values.n));
  console.log(`wrote ${files.length} documents under ${values.out}`);
}
