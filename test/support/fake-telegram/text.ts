import { type ApiError, badRequest } from "./errors.js";
import { parseHtml, sortEntities } from "./html.js";
import type { MessageEntity, User } from "./types.js";

// What Telegram does to a text before storing it: parse the formatting, trim surrounding whitespace,
// detect mentions, commands, hashtags and links, then check the length. The same detection gives
// incoming user messages their `entities`.

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);

/** The character just before `index` (a whole code point, so surrogate pairs are judged correctly). */
function charBefore(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  const cp = text.codePointAt(index);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** `@username` mentions, per tdlib's `match_mentions` (5..32 characters after the @). */
function findMentions(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/@([a-zA-Z0-9_]+)/g)) {
    const start = m.index;
    const name = m[1] ?? "";
    if (isWord(charBefore(text, start))) continue;
    if (name.length < 5 || name.length > 32) continue;
    if (isWord(charAt(text, start + 1 + name.length))) continue;
    found.push({ type: "mention", offset: start, length: name.length + 1 });
  }
  return found;
}

/** `/command` and `/command@botname`, per tdlib's `match_bot_commands`. */
function findBotCommands(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/\/([a-zA-Z0-9_]+)(?:@([a-zA-Z0-9_]+))?/g)) {
    const start = m.index;
    const before = charBefore(text, start);
    if (isWord(before) || before === "/" || before === "<" || before === ">") continue;
    const command = m[1] ?? "";
    if (command.length > 64) continue;
    let length = 1 + command.length;
    const bot = m[2];
    if (bot !== undefined) {
      // a too short or too long @part is not a command at all in tdlib
      if (bot.length < 3 || bot.length > 32) continue;
      length += 1 + bot.length;
    }
    const after = charAt(text, start + length);
    if (isWord(after) || after === "/" || after === "<" || after === ">") continue;
    found.push({ type: "bot_command", offset: start, length });
  }
  return found;
}

/** `#hashtags` with at least one letter, not followed by another `#`. */
function findHashtags(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/#([\p{L}\p{Nd}_]+)/gu)) {
    const start = m.index;
    const tag = m[1] ?? "";
    if (/[\p{L}\p{Nd}_]/u.test(charBefore(text, start) ?? "")) continue;
    if (text[start + 1 + tag.length] === "#") continue;
    if (!/\p{L}/u.test(tag)) continue;
    found.push({ type: "hashtag", offset: start, length: tag.length + 1 });
  }
  return found;
}

/** Links written with a scheme or `www.` (Telegram also finds bare domains; the fake does not). */
function findUrls(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"]+/gi)) {
    const url = m[0].replace(/[.,;:!?)\]'"]+$/, "");
    found.push({ type: "url", offset: m.index, length: url.length });
  }
  return found;
}

const overlaps = (a: MessageEntity, b: MessageEntity) =>
  a.offset < b.offset + b.length && b.offset < a.offset + a.length;

/**
 * Entities Telegram finds by itself in a text (mentions, bot commands, hashtags, links), skipping any
 * that fall inside code, pre or text links. Used for user messages and for what the bot sends.
 */
export function detectEntities(text: string, existing: MessageEntity[] = []): MessageEntity[] {
  const shielding = existing.filter((e) => e.type === "code" || e.type === "pre" || e.type === "text_link");
  const detected = [
    ...findBotCommands(text),
    ...findMentions(text),
    ...findHashtags(text),
    ...findUrls(text),
  ];
  const kept: MessageEntity[] = [];
  for (const entity of detected.sort((a, b) => a.offset - b.offset)) {
    if (shielding.some((s) => overlaps(s, entity))) continue;
    if (kept.some((k) => overlaps(k, entity))) continue;
    kept.push(entity);
  }
  return kept;
}

/** Removes surrounding whitespace the way Telegram does, moving and clipping entities to match. */
export function trimText(
  text: string,
  entities: MessageEntity[],
): { text: string; entities: MessageEntity[] } {
  const left = text.length - text.replace(/^[ \t\r\n]+/, "").length;
  const trimmed = text.trim() === "" ? "" : text.slice(left).replace(/[ \t\r\n]+$/, "");
  const moved: MessageEntity[] = [];
  for (const entity of entities) {
    const start = Math.max(0, entity.offset - left);
    const end = Math.min(trimmed.length, entity.offset + entity.length - left);
    if (end > start) moved.push({ ...entity, offset: start, length: end - start });
  }
  return { text: trimmed, entities: moved };
}

/** Explicit `entities` given instead of a parse mode: keep the well-formed ones inside the text. */
function explicitEntities(value: unknown, textLength: number): MessageEntity[] {
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  const kept: MessageEntity[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) throw badRequest("can't parse MessageEntity");
    const { type, offset, length } = item as Record<string, unknown>;
    if (typeof type !== "string" || !Number.isInteger(offset) || !Number.isInteger(length)) {
      throw badRequest("can't parse MessageEntity");
    }
    const start = offset as number;
    const end = Math.min(textLength, start + (length as number));
    if (start >= 0 && end > start)
      kept.push({ ...(item as MessageEntity), offset: start, length: end - start });
  }
  return kept;
}

/** How one text field (message text, caption, explanation) is checked. */
export interface TextRules {
  maxLength: number;
  /** Thrown when nothing is left after parsing and trimming; undefined allows an empty text. */
  empty?: ApiError;
  tooLong: ApiError;
  findUser?: (id: number) => User | undefined;
}

/** The text and entities a user's client will show. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * Applies `parse_mode` (or explicit `entities`), trimming, entity detection and the length limit.
 * Lengths are counted in UTF-16 code units, the unit of entity offsets: for Vietnamese text this is the
 * same as characters, and where they differ (emoji) it is the stricter reading.
 */
export function formatText(
  raw: string | undefined,
  parseMode: string | undefined,
  entities: unknown,
  rules: TextRules,
): FormattedText {
  if (raw === undefined || raw === "") {
    if (rules.empty) throw rules.empty;
    return { text: "", entities: [] };
  }
  let parsed: FormattedText;
  if (entities !== undefined) {
    parsed = { text: raw, entities: explicitEntities(entities, raw.length) };
  } else {
    const mode = (parseMode ?? "").toLowerCase();
    if (mode === "") parsed = { text: raw, entities: [] };
    else if (mode === "html") parsed = parseHtml(raw, rules.findUser);
    else if (mode === "markdown" || mode === "markdownv2") {
      throw badRequest(`fake-telegram does not implement parse_mode ${parseMode}; use HTML`);
    } else throw badRequest("unsupported parse_mode");
  }
  const trimmed = trimText(parsed.text, parsed.entities);
  if (trimmed.text === "" && rules.empty) throw rules.empty;
  if (trimmed.text.length > rules.maxLength) throw rules.tooLong;
  const all = sortEntities([...trimmed.entities, ...detectEntities(trimmed.text, trimmed.entities)]);
  return { text: trimmed.text, entities: all };
}
