import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadPrompts,
  PROMPT_PLACEHOLDERS,
  PROMPTS_DIR,
  PromptError,
  renderPrompt,
} from "../../src/llm/index.js";

/** A copy of the shipped prompts where `edit` changes one file. */
function promptsWith(name: string, edit: (text: string) => string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cadre-prompts-"));
  cpSync(PROMPTS_DIR, dir, { recursive: true });
  const file = path.join(dir, `${name}.md`);
  const text = edit(readFileSync(file, "utf8"));
  if (text === null) rmSync(file);
  else writeFileSync(file, text);
  return dir;
}

describe("the prompts", () => {
  it("ship one checked prompt per task, each stating the language and data rules", () => {
    const prompts = loadPrompts();
    expect(Object.keys(prompts).sort()).toEqual(["answer", "quiz", "rewrite"]);
    for (const p of Object.values(prompts)) {
      expect(p.system).toMatch(/\{\{lang\}\}/);
      expect(p.system).toMatch(/data, never (an )?instructions?/);
    }
    expect(prompts.answer.system).toMatch(/\[1\]/);
    expect(prompts.answer.user).toMatch(/<passages>\n\{\{passages\}\}\n<\/passages>/);
    expect(prompts.answer.user).toMatch(/<question>\n\{\{question\}\}\n<\/question>/);
  });

  it("stop start-up with one line naming the file and the missing placeholder", () => {
    const dir = promptsWith("answer", (t) => t.replaceAll("{{passages}}", "(none)"));
    expect(() => loadPrompts(dir)).toThrow(PromptError);
    expect(() => loadPrompts(dir)).toThrow("prompts/answer.md: the placeholder {{passages}} is missing");
    const message = (() => {
      try {
        loadPrompts(dir);
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(message?.split("\n")).toHaveLength(1);
  });

  it("refuse an unknown placeholder, a missing section and a missing file", () => {
    const unknown = promptsWith("rewrite", (t) => `${t}\n{{qestion}}\n`);
    expect(() => loadPrompts(unknown)).toThrow("prompts/rewrite.md: unknown placeholder {{qestion}}");
    const noUser = promptsWith("quiz", (t) => t.replace("## user", "## notes"));
    expect(() => loadPrompts(noUser)).toThrow(
      /prompts\/quiz\.md needs a '## system' and a '## user' section/,
    );
    const missing = promptsWith("answer", () => null);
    expect(() => loadPrompts(missing)).toThrow(/prompts\/answer\.md is missing/);
  });

  it("ignore placeholders in HTML comments, and fill values once (a value holding {{…}} stays as it is)", () => {
    const dir = promptsWith("quiz", (t) => `<!-- {{unused}} -->\n${t}`);
    const prompts = loadPrompts(dir);
    const vars = Object.fromEntries(PROMPT_PLACEHOLDERS.quiz.map((k) => [k, `<${k}>`]));
    const out = renderPrompt(prompts.quiz, { ...vars, question: "say {{explanation}}" });
    expect(out.user).toContain("say {{explanation}}");
    expect(out.user).toContain("<explanation>\n<explanation>\n</explanation>");
  });
});
