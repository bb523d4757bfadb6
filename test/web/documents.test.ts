import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, type WebScene, webScene } from "./scene.js";

// The documents pages over a tiny corpus whose text contains HTML, plus two files the index cannot
// read: document text is shown as text, and what could not be read is listed with the reason.

const DIRECTIVE = `---
number: 99-CT/TU
title: Chỉ thị thử nghiệm <b>in đậm</b>
issuer: Ban Thường vụ Tỉnh ủy
date: 2025-01-15
lang: vi
---
CHỈ THỊ về việc thử nghiệm trang văn bản

1. Các cơ quan gỡ bỏ đoạn mã <script>alert("xss")</script> khỏi trang thông tin điện tử & báo cáo kết quả.
2. Ban Tuyên giáo kiểm tra <img src=x onerror=alert(1)> các trang của đơn vị.
3. Văn phòng Tỉnh ủy tổng hợp, báo cáo Ban Thường vụ.
`;

let s: WebScene;
beforeAll(async () => {
  const corpus = await mkdtemp(path.join(tmpdir(), "cadre-web-corpus-"));
  writeFileSync(path.join(corpus, "chi-thi-99.md"), DIRECTIVE);
  writeFileSync(path.join(corpus, "trong.txt"), "");
  writeFileSync(path.join(corpus, "hong.pdf"), "%PDF-1.4 this is not really a PDF");
  s = await webScene({ corpus });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe("the documents pages", () => {
  it("list each document with number, date, issuer, versions and tasks, its HTML shown as text", async () => {
    const res = await fetch(`${s.url}/documents`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("99-CT/TU");
    expect(html).toContain("15/01/2025");
    expect(html).toContain("Ban Thường vụ Tỉnh ủy");
    expect(html).toContain("vi — chi-thi-99.md");
    expect(html).toContain("Chỉ thị thử nghiệm &lt;b&gt;in đậm&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain('href="/document?id=99-ct-tu#v0-task-2"');
  });

  it("show each task's exact text under its anchor", async () => {
    const html = await (await fetch(`${s.url}/document?id=99-ct-tu`)).text();
    const task = html.match(/<section class="task" id="v0-task-2">[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(task).toContain("Nhiệm vụ 2");
    expect(task).toContain(
      "2. Ban Tuyên giáo kiểm tra &lt;img src=x onerror=alert(1)&gt; các trang của đơn vị.",
    );
    expect(html).not.toContain("<img src=x");
    const missing = await fetch(`${s.url}/document?id=nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Không có văn bản này");
  });

  it("list the files the index could not read, with the reason", async () => {
    const html = await (await fetch(`${s.url}/documents`)).text();
    const errors = html.slice(html.indexOf('<section id="errors">'));
    expect(errors).toContain("Tệp không đọc được (2)");
    expect(errors).toContain("<code>trong.txt</code>");
    expect(errors).toContain("<code>hong.pdf</code>");
    expect(errors).toMatch(/<code>trong\.txt<\/code> — <span class="reason">[^<]+<\/span> \(empty\)/);
  });

  it("answers from such a document in the chat with the HTML as plain text in the JSON", async () => {
    const ok = await post(`${s.url}/api/message`, {
      room: "chung",
      user: "user-docs-1",
      name: "Lan",
      text: "/task 1 99-CT/TU",
    });
    const [answer] = ok.json.replies as { text: string }[];
    expect(answer?.text).toContain('<script>alert("xss")</script>');
  });
});
