import { parseDocument } from "yaml";
import { z } from "zod";
import type { FrontMatter } from "./parse.js";

const Schema = z
  .object({
    number: z.coerce.string().optional(),
    title: z.coerce.string().optional(),
    issuer: z.coerce.string().optional(),
    date: z
      .union([z.string(), z.date()])
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD"))
      .optional(),
    lang: z.enum(["vi", "en", "fr", "ja"]).optional(),
    source: z.coerce.string().optional(),
  })
  .passthrough();

/** Front matter read from a Markdown file, or the reason it could not be read. */
export type FrontMatterResult =
  | { ok: true; front: FrontMatter; bodyStart: number }
  | { ok: false; message: string };

/** Reads optional YAML front matter (`---` … `---` at the very top of a .md file). */
export function readFrontMatter(text: string): FrontMatterResult {
  const m = text.match(/^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/);
  if (!m) return { ok: true, front: {}, bodyStart: 0 };
  const doc = parseDocument(m[1] ?? "");
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = (e?.linePos?.[0]?.line ?? 0) + 1;
    return { ok: false, message: `front matter line ${line}: ${e?.message.split("\n")[0]}` };
  }
  const parsed = Schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `front matter field '${issue?.path.join(".")}': ${issue?.message}` };
  }
  return { ok: true, front: parsed.data, bodyStart: m[0].length };
}
