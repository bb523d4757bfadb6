import { badRequest } from "./errors.js";
import type { MessageEntity, User } from "./types.js";

// A port of tdlib's `parse_html` (td/telegram/MessageEntity.cpp), the parser behind the Bot API's
// `parse_mode: "HTML"`. It walks UTF-8 bytes because Telegram's error messages quote byte offsets,
// while entity offsets are counted in UTF-16 code units.

const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "span",
  "pre",
  "code",
  "blockquote",
]);

/** Entity ordering weights from tdlib's `get_type_priority` (lower sorts first at equal offset+length). */
const PRIORITY: Record<string, number> = {
  mention: 50,
  hashtag: 50,
  bot_command: 50,
  url: 50,
  email: 50,
  bold: 90,
  italic: 91,
  code: 20,
  pre: 11,
  text_link: 49,
  text_mention: 49,
  cashtag: 50,
  phone_number: 50,
  underline: 92,
  strikethrough: 93,
  blockquote: 0,
  expandable_blockquote: 0,
  spoiler: 94,
  custom_emoji: 99,
};

/** Sorts entities the way Telegram returns them: by offset, longer first, then by type priority. */
export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort(
    (a, b) =>
      a.offset - b.offset || b.length - a.length || (PRIORITY[a.type] ?? 50) - (PRIORITY[b.type] ?? 50),
  );
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0 || c === 0x0b;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isFirstUnit = (c: number) => (c & 0xc0) !== 0x80;

function encodeUtf8(code: number, out: number[]): void {
  if (code <= 0x7f) out.push(code);
  else if (code <= 0x7ff) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  else if (code <= 0xffff) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  else
    out.push(
      0xf0 | (code >> 18),
      0x80 | ((code >> 12) & 0x3f),
      0x80 | ((code >> 6) & 0x3f),
      0x80 | (code & 0x3f),
    );
}

/** Decodes `&lt;` `&gt;` `&amp;` `&quot;` and numeric references; 0 means "not an entity, keep the &". */
function decodeEntity(bytes: Buffer, pos: number): { code: number; next: number } {
  const at = (i: number) => bytes[i] ?? 0;
  let end = pos + 1;
  let code = 0;
  if (at(pos + 1) === 0x23) {
    end++;
    if (at(pos + 2) === 0x78) {
      end++;
      while (isHex(at(end))) code = code * 16 + Number.parseInt(String.fromCharCode(at(end++)), 16);
    } else {
      while (isDigit(at(end))) code = code * 10 + at(end++) - 0x30;
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return { code: 0, next: pos };
  } else {
    while (isAlpha(at(end))) end++;
    const name = bytes.subarray(pos + 1, end).toString("latin1");
    const named: Record<string, number> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };
    code = named[name] ?? 0;
    if (code === 0) return { code: 0, next: pos };
  }
  return { code, next: at(end) === 0x3b ? end + 1 : end };
}

/** Telegram's link check, reduced: http(s)/tg/ton links are kept (normalised), anything else dropped. */
function checkedLink(url: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`;
  try {
    const parsed = new URL(withScheme);
    if (!["http:", "https:", "tg:", "ton:"].includes(parsed.protocol)) return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

interface Open {
  tag: string;
  argument: string;
  offset: number;
  beginByte: number;
}

/** The parsed text and entities of an HTML-formatted text. */
export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * Parses `parse_mode: "HTML"` text like Telegram. Throws the 400 "Bad Request: can't parse entities: …"
 * error Telegram gives for unsupported or unclosed tags and bare "<". `findUser` turns
 * `<a href="tg://user?id=N">` into a `text_mention` when the user is known.
 */
export function parseHtml(input: string, findUser?: (id: number) => User | undefined): ParsedText {
  const bytes = Buffer.from(input, "utf8");
  const at = (i: number) => bytes[i] ?? 0;
  const fail = (message: string) => badRequest(`can't parse entities: ${message}`);
  const out: number[] = [];
  const entities: MessageEntity[] = [];
  const nested: Open[] = [];
  let utf16 = 0;
  let surrogate = false;

  for (let i = 0; i < bytes.length; i++) {
    const c = at(i);
    if (c === 0x26) {
      const { code, next } = decodeEntity(bytes, i);
      if (code !== 0) {
        utf16 += code > 0xffff ? 2 : 1;
        if (code >= 0xd800 && code <= 0xdfff) surrogate = true;
        encodeUtf8(code, out);
        i = next - 1;
        continue;
      }
    }
    if (c !== 0x3c) {
      if (isFirstUnit(c)) utf16 += c >= 0xf0 ? 2 : 1;
      out.push(c);
      continue;
    }

    const begin = i++;
    if (at(i) !== 0x2f) {
      // a start tag
      while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
      if (i >= bytes.length) throw fail(`Unclosed start tag at byte offset ${begin}`);
      const tag = bytes
        .subarray(begin + 1, i)
        .toString("utf8")
        .toLowerCase();
      if (!SUPPORTED_TAGS.has(tag)) throw fail(`Unsupported start tag "${tag}" at byte offset ${begin}`);

      let argument = "";
      while (at(i) !== 0x3e) {
        while (i < bytes.length && isSpace(at(i))) i++;
        if (at(i) === 0x3e) break;
        const nameBegin = i;
        while (
          !isSpace(at(i)) &&
          at(i) !== 0x3d &&
          at(i) !== 0x3e &&
          at(i) !== 0x2f &&
          at(i) !== 0x22 &&
          at(i) !== 0x27
        )
          i++;
        const name = bytes.subarray(nameBegin, i).toString("utf8");
        if (name === "") throw fail(`Empty attribute name in the tag "${tag}" at byte offset ${begin}`);
        while (i < bytes.length && isSpace(at(i))) i++;
        if (at(i) !== 0x3d) {
          if (i >= bytes.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${begin}`);
          if (tag === "blockquote" && name === "expandable") argument = "1";
          continue;
        }
        i++;
        while (i < bytes.length && isSpace(at(i))) i++;
        if (i >= bytes.length) throw fail(`Unclosed start tag "${tag}" at byte offset ${begin}`);

        let value: string;
        if (at(i) !== 0x27 && at(i) !== 0x22) {
          // an unquoted name token: letters, digits, periods, hyphens; case-insensitive
          const tokenBegin = i;
          while (isAlnum(at(i)) || at(i) === 0x2e || at(i) === 0x2d) i++;
          value = bytes.subarray(tokenBegin, i).toString("utf8").toLowerCase();
          if (!isSpace(at(i)) && at(i) !== 0x3e)
            throw fail(`Unexpected end of name token at byte offset ${tokenBegin}`);
        } else {
          const quote = at(i++);
          const valueBytes: number[] = [];
          while (i < bytes.length && at(i) !== quote) {
            if (at(i) === 0x26) {
              const { code, next } = decodeEntity(bytes, i);
              if (code !== 0) {
                encodeUtf8(code, valueBytes);
                i = next;
                continue;
              }
            }
            valueBytes.push(at(i++));
          }
          if (at(i) === quote) i++;
          value = Buffer.from(valueBytes).toString("utf8");
        }
        if (i >= bytes.length) throw fail(`Unclosed start tag at byte offset ${begin}`);

        if (tag === "a" && name === "href") argument = value;
        else if (tag === "code" && name === "class" && value.startsWith("language-"))
          argument = value.slice(9);
        else if (tag === "span" && name === "class" && value.startsWith("tg-")) argument = value.slice(3);
        else if (tag === "tg-emoji" && name === "emoji-id") argument = value;
        else if (tag === "blockquote" && name === "expandable") argument = "1";
      }
      if (tag === "span" && argument !== "spoiler") {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${begin}`);
      }
      nested.push({ tag, argument, offset: utf16, beginByte: out.length });
      continue;
    }

    // an end tag
    const open = nested[nested.length - 1];
    if (!open) throw fail(`Unexpected end tag at byte offset ${begin}`);
    while (!isSpace(at(i)) && at(i) !== 0x3e) i++;
    const endTag = bytes
      .subarray(begin + 2, i)
      .toString("utf8")
      .toLowerCase();
    while (i < bytes.length && isSpace(at(i))) i++;
    if (at(i) !== 0x3e) throw fail(`Unclosed end tag at byte offset ${begin}`);
    if (endTag !== "" && endTag !== open.tag) {
      throw fail(
        `Unmatched end tag at byte offset ${begin}, expected "</${open.tag}>", found "</${endTag}>"`,
      );
    }
    if (utf16 > open.offset) closeEntity(open, utf16 - open.offset, entities, out, findUser, fail);
    nested.pop();
  }

  const unclosed = nested[nested.length - 1];
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  if (surrogate) {
    throw fail(
      "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
    );
  }
  for (const entity of entities) {
    // a lone <code class="language-x"> is plain code: the language only counts inside <pre>
    if (entity.type === "code" && "language" in entity) delete (entity as { language?: string }).language;
  }
  return { text: Buffer.from(out).toString("utf8"), entities: sortEntities(entities) };
}

function closeEntity(
  open: Open,
  length: number,
  entities: MessageEntity[],
  out: number[],
  findUser: ((id: number) => User | undefined) | undefined,
  fail: (message: string) => Error,
): void {
  const offset = open.offset;
  const last = entities[entities.length - 1];
  switch (open.tag) {
    case "i":
    case "em":
      entities.push({ type: "italic", offset, length });
      return;
    case "b":
    case "strong":
      entities.push({ type: "bold", offset, length });
      return;
    case "s":
    case "strike":
    case "del":
      entities.push({ type: "strikethrough", offset, length });
      return;
    case "u":
    case "ins":
      entities.push({ type: "underline", offset, length });
      return;
    case "tg-spoiler":
    case "span":
      entities.push({ type: "spoiler", offset, length });
      return;
    case "tg-emoji": {
      if (!/^-?\d+$/.test(open.argument) || BigInt(open.argument) === 0n) {
        throw fail("Invalid custom emoji identifier specified");
      }
      entities.push({ type: "custom_emoji", offset, length, custom_emoji_id: open.argument });
      return;
    }
    case "a": {
      const url = open.argument || Buffer.from(out.slice(open.beginByte)).toString("utf8");
      const mention = /^tg:\/\/user\?id=(\d+)$/i.exec(url);
      const user = mention ? findUser?.(Number(mention[1])) : undefined;
      if (user) {
        entities.push({ type: "text_mention", offset, length, user });
        return;
      }
      const checked = checkedLink(url);
      if (checked) entities.push({ type: "text_link", offset, length, url: checked });
      return;
    }
    case "pre":
      if (last?.type === "code" && last.offset === offset && last.length === length && "language" in last) {
        const language = (last as { language?: string }).language ?? "";
        entities[entities.length - 1] = { type: "pre", offset, length, language };
      } else {
        entities.push({ type: "pre", offset, length });
      }
      return;
    case "code":
      if (last?.type === "pre" && last.offset === offset && last.length === length && open.argument !== "") {
        entities[entities.length - 1] = { type: "pre", offset, length, language: open.argument };
      } else if (open.argument !== "") {
        // remembered until the enclosing <pre> closes; dropped if there is none
        entities.push({ type: "code", offset, length, language: open.argument } as MessageEntity);
      } else {
        entities.push({ type: "code", offset, length });
      }
      return;
    case "blockquote":
      entities.push({ type: open.argument ? "expandable_blockquote" : "blockquote", offset, length });
      return;
  }
}
