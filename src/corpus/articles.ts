import type { Line } from "./outline.js";
import type { Article } from "./types.js";

/**
 * Articles of a regulation or decision (`Điều 5. Tiếp công dân`) with their clauses (`1.`, `2.`);
 * points (`a)`) and continuation paragraphs stay inside their clause. "khoản 2 Điều 5" resolves
 * to `articles[i].clauses[1]`.
 */
export function readArticles(lines: Line[], source: string): Article[] {
  const articles: Article[] = [];
  let current: Article | null = null;
  const finish = () => {
    if (current) articles.push(current);
    current = null;
  };
  for (const line of lines) {
    if (line.kind === "article") {
      finish();
      current = { n: line.n, title: line.title, text: "", start: line.p.start, end: line.p.end, clauses: [] };
    } else if (line.kind === "chapter" || line.kind === "part") {
      finish();
    } else if (current) {
      const clauses: Article["clauses"] = current.clauses;
      const last = clauses.at(-1);
      if (line.kind === "item" && line.n === clauses.length + 1) {
        clauses.push({ n: line.n, text: "", start: line.p.start, end: line.p.end });
      } else if (last) {
        last.end = line.p.end;
      }
      current.end = line.p.end;
    }
  }
  finish();
  for (const a of articles) {
    a.text = source.slice(a.start, a.end);
    for (const c of a.clauses) c.text = source.slice(c.start, c.end);
  }
  return articles;
}
