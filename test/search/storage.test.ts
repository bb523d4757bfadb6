import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linesOf } from "../../src/search/storage.js";

// The segment reader: lines of Vietnamese text read back whole whatever the block size.

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function collect(file: string, block?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of linesOf(file, block)) lines.push(line);
  return lines;
}

describe("linesOf", () => {
  it("gives back every line, characters cut by a block edge and lines longer than a block included", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "cadre-lines-"));
    temps.push(dir);
    const lines = [
      '{"text":"Tiếp công dân định kỳ"}',
      "",
      "Đẩy mạnh chuyển đổi số; 対話 và khiếu nại, tố cáo ".repeat(5),
      "ố",
      "last line without a newline",
    ];
    const file = path.join(dir, "segment.jsonl");
    await writeFile(file, lines.join("\n"));
    for (const block of [1, 3, 7, 16, 1 << 23]) expect(await collect(file, block)).toEqual(lines);
    await writeFile(file, `${lines.join("\n")}\n`);
    expect(await collect(file, 5)).toEqual(lines);
  });
});
