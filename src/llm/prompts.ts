import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The words given to the model live in `prompts/*.md`, one file per task. A file has a `## system`
 * section (the rules) and a `## user` section (the data), with named placeholders `{{name}}`. Files
 * are checked when loaded, at start-up: a missing file, section or placeholder, or an unknown
 * placeholder, stops start-up with one line naming the file and what is wrong.
 */

/** The shipped prompts folder. */
export const PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));

/** The placeholders each prompt must use, and may only use. */
export const PROMPT_PLACEHOLDERS = {
  answer: ["lang", "question", "passages", "count"],
  rewrite: ["lang", "question", "languages"],
  quiz: ["lang", "question", "explanation"],
} as const;

/** The name of a prompt (its file is `prompts/NAME.md`). */
export type PromptName = keyof typeof PROMPT_PLACEHOLDERS;

/** A prompt file that cannot be used; the message is one line naming the file. */
export class PromptError extends Error {}

/** One checked prompt: its two messages, still with placeholders. */
export interface Prompt {
  file: string;
  system: string;
  user: string;
}

/** Every prompt, checked. */
export type Prompts = Record<PromptName, Prompt>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Loads and checks every prompt from `dir` (default: the repository's `prompts/`). */
export function loadPrompts(dir = PROMPTS_DIR): Prompts {
  const out = {} as Prompts;
  for (const name of Object.keys(PROMPT_PLACEHOLDERS) as PromptName[]) out[name] = loadPrompt(dir, name);
  return out;
}

function loadPrompt(dir: string, name: PromptName): Prompt {
  const file = path.join(dir, `${name}.md`);
  const shown = `prompts/${name}.md`;
  if (!existsSync(file))
    throw new PromptError(`${shown} is missing (the prompt for ${name}; see ${PROMPTS_DIR})`);
  // HTML comments are notes for the person editing the file, not words for the model.
  const text = readFileSync(file, "utf8").replace(/<!--[\s\S]*?-->/g, "");
  const sections = text.split(/^##[ \t]+(system|user)[ \t]*$/im);
  const system = sectionOf(sections, "system");
  const user = sectionOf(sections, "user");
  if (!system || !user) {
    throw new PromptError(`${shown} needs a '## system' and a '## user' section, each with text`);
  }
  const wanted: readonly string[] = PROMPT_PLACEHOLDERS[name];
  const used = new Set([...`${system}\n${user}`.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""));
  for (const p of used) {
    if (!wanted.includes(p)) {
      throw new PromptError(
        `${shown}: unknown placeholder {{${p}}} (this prompt takes ${wanted.map((w) => `{{${w}}}`).join(", ")})`,
      );
    }
  }
  for (const p of wanted) {
    if (!used.has(p)) throw new PromptError(`${shown}: the placeholder {{${p}}} is missing`);
  }
  return { file: shown, system, user };
}

function sectionOf(parts: string[], name: string): string {
  const i = parts.findIndex((p, k) => k % 2 === 1 && p.toLowerCase() === name);
  return i < 0 ? "" : (parts[i + 1] ?? "").trim();
}

/** The prompt's messages with every placeholder replaced (values are inserted as they are). */
export function renderPrompt(prompt: Prompt, vars: Record<string, string | number>): Prompt {
  const fill = (s: string) => s.replace(PLACEHOLDER, (_, name: string) => String(vars[name] ?? ""));
  return { file: prompt.file, system: fill(prompt.system), user: fill(prompt.user) };
}
