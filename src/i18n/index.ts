import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { LANGS, type Lang } from "../text/index.js";

/**
 * The bot's own words, one YAML file per language in `locales/`. Vietnamese is the reference:
 * every key it has must exist in every other language with the same placeholders, which is
 * checked when the phrases are first loaded (a missing phrase stops start-up, not a reply).
 */

type Tree = { [key: string]: string | Tree };

const LOCALES_DIR = fileURLToPath(new URL("../../locales/", import.meta.url));

let cache: Record<Lang, Map<string, string>> | null = null;

function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else if (v && typeof v === "object") flatten(v, key, out);
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

/** Loads and checks the phrase files from `dir` (default: the repository's `locales/`). */
export function loadPhrases(dir = LOCALES_DIR): Record<Lang, Map<string, string>> {
  const out = {} as Record<Lang, Map<string, string>>;
  for (const lang of LANGS) {
    const file = `${dir}${lang}.yaml`;
    out[lang] = flatten((parse(readFileSync(file, "utf8")) ?? {}) as Tree);
  }
  const problems: string[] = [];
  for (const [key, text] of out.vi) {
    for (const lang of LANGS) {
      const other = out[lang].get(key);
      if (other === undefined) problems.push(`locales/${lang}.yaml: missing '${key}'`);
      else if (placeholders(other) !== placeholders(text)) {
        problems.push(`locales/${lang}.yaml: '${key}' must use the placeholders {${placeholders(text)}}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Phrase files are incomplete:\n${problems.join("\n")}`);
  return out;
}

/** The phrase `key` in `lang` with `{placeholders}` filled in. */
export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  cache ??= loadPhrases();
  const text = cache[lang].get(key) ?? cache.vi.get(key);
  if (text === undefined) throw new Error(`No phrase '${key}'`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
