/**
 * Block Kit validation with Slack's published limits. Slack rejects a whole message when one block is
 * wrong, answering `invalid_blocks` with one "[ERROR] … [json-pointer:/blocks/N/…]" line per problem;
 * `validateBlocks` returns those lines (empty when the blocks would be accepted).
 */

import { randomBytes } from "node:crypto";

type Obj = Record<string, unknown>;

/** Where blocks live decides the block count limit: 50 in a message, 100 in a modal or Home tab. */
export type BlockSurface = "message" | "view";

const BLOCK_TYPES = new Set([
  "section",
  "context",
  "actions",
  "divider",
  "header",
  "image",
  "input",
  "rich_text",
  "markdown",
  "file",
  "video",
]);

const ELEMENT_TYPES = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "image",
  "overflow",
  "plain_text_input",
  "email_text_input",
  "number_input",
  "url_text_input",
  "rich_text_input",
  "radio_buttons",
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "multi_static_select",
  "multi_external_select",
  "multi_users_select",
  "multi_conversations_select",
  "multi_channels_select",
  "timepicker",
  "workflow_button",
  "feedback_buttons",
  "icon_button",
]);

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class Problems {
  readonly lines: string[] = [];
  add(pointer: string, message: string): void {
    this.lines.push(`${message} [json-pointer:${pointer}]`);
  }
  /** Checks an optional string's length (Slack's messages say "less than max+1"). */
  maxLength(value: unknown, max: number, pointer: string): void {
    if (value === undefined) return;
    if (typeof value !== "string") this.add(pointer, "must be a string");
    else if (value.length > max) this.add(pointer, `must be less than ${max + 1} characters`);
  }
}

/** A text object: `plain_text` or `mrkdwn`, 1..max characters. */
function textObject(p: Problems, value: unknown, pointer: string, max: number, plainOnly = false): void {
  const allowed = plainOnly ? ["plain_text"] : ["plain_text", "mrkdwn"];
  if (!isObj(value)) p.add(pointer, "must provide an object");
  else if (!allowed.includes(String(value.type)))
    p.add(`${pointer}/type`, `must be one of ${allowed.join(", ")}`);
  else if (typeof value.text !== "string") p.add(pointer, "missing required field: text");
  else if (value.text.length === 0) p.add(`${pointer}/text`, "must be more than 0 characters");
  else p.maxLength(value.text, max, `${pointer}/text`);
}

function imageElement(p: Problems, el: Obj, pointer: string): void {
  if (typeof el.image_url !== "string" && !isObj(el.slack_file))
    p.add(pointer, "missing required field: image_url");
  if (typeof el.alt_text !== "string") p.add(pointer, "missing required field: alt_text");
  p.maxLength(el.alt_text, 2000, `${pointer}/alt_text`);
}

function options(p: Problems, list: unknown[], pointer: string): void {
  if (list.length > 100) p.add(pointer, "no more than 100 items allowed");
  for (const [i, option] of list.entries()) {
    const at = `${pointer}/${i}`;
    if (!isObj(option)) {
      p.add(at, "must provide an object");
      continue;
    }
    textObject(p, option.text, `${at}/text`, 75);
    p.maxLength(option.value, 150, `${at}/value`);
  }
}

function element(p: Problems, el: unknown, pointer: string, actionIds: Set<string>): void {
  if (!isObj(el)) {
    p.add(pointer, "must provide an object");
    return;
  }
  const type = String(el.type);
  if (!ELEMENT_TYPES.has(type)) {
    p.add(`${pointer}/type`, `unsupported type: ${type}`);
    return;
  }
  if (type === "image") {
    imageElement(p, el, pointer);
    return;
  }
  p.maxLength(el.action_id, 255, `${pointer}/action_id`);
  // Slack: action_id must be unique among the action_ids of the containing block.
  if (typeof el.action_id === "string") {
    if (actionIds.has(el.action_id)) p.add(`${pointer}/action_id`, "action_id already exists");
    actionIds.add(el.action_id);
  }
  if (type === "button") {
    textObject(p, el.text, `${pointer}/text`, 75, true);
    p.maxLength(el.value, 2000, `${pointer}/value`);
    p.maxLength(el.url, 3000, `${pointer}/url`);
    if (el.style !== undefined && el.style !== "primary" && el.style !== "danger") {
      p.add(`${pointer}/style`, "must be one of primary, danger");
    }
  }
  if (el.placeholder !== undefined) textObject(p, el.placeholder, `${pointer}/placeholder`, 150, true);
  if (Array.isArray(el.options)) options(p, el.options, `${pointer}/options`);
}

function section(p: Problems, b: Obj, pointer: string): void {
  if (b.text === undefined && b.fields === undefined) p.add(pointer, "must provide either text or fields");
  if (b.text !== undefined) textObject(p, b.text, `${pointer}/text`, 3000);
  if (b.fields !== undefined && !Array.isArray(b.fields)) p.add(`${pointer}/fields`, "must provide an array");
  if (Array.isArray(b.fields)) {
    if (b.fields.length > 10) p.add(`${pointer}/fields`, "no more than 10 items allowed");
    for (const [i, field] of b.fields.entries()) textObject(p, field, `${pointer}/fields/${i}`, 2000);
  }
  if (b.accessory !== undefined) element(p, b.accessory, `${pointer}/accessory`, new Set());
}

/** context (≤ 10 images or texts) and actions (≤ 25 interactive elements). */
function elementList(p: Problems, b: Obj, pointer: string): void {
  const max = b.type === "context" ? 10 : 25;
  if (!Array.isArray(b.elements) || b.elements.length === 0) {
    p.add(`${pointer}/elements`, "must provide a non-empty array");
    return;
  }
  if (b.elements.length > max) p.add(`${pointer}/elements`, `no more than ${max} items allowed`);
  const actionIds = new Set<string>();
  for (const [i, el] of b.elements.entries()) {
    const at = `${pointer}/elements/${i}`;
    const isText = isObj(el) && (el.type === "mrkdwn" || el.type === "plain_text");
    if (b.type === "context" && isText) textObject(p, el, at, 3000);
    else element(p, el, at, actionIds);
  }
}

function block(p: Problems, b: unknown, pointer: string): void {
  if (!isObj(b)) p.add(pointer, "must provide an object");
  else if (!BLOCK_TYPES.has(String(b.type))) p.add(`${pointer}/type`, `unsupported type: ${String(b.type)}`);
  else if (b.type === "section") section(p, b, pointer);
  else if (b.type === "context" || b.type === "actions") elementList(p, b, pointer);
  else if (b.type === "header") textObject(p, b.text, `${pointer}/text`, 150, true);
  else if (b.type === "image") imageElement(p, b, pointer);
  else if (b.type === "markdown") {
    if (typeof b.text !== "string") p.add(pointer, "missing required field: text");
    else p.maxLength(b.text, 12000, `${pointer}/text`);
  } else if (b.type === "input") {
    textObject(p, b.label, `${pointer}/label`, 2000, true);
    if (b.element === undefined) p.add(pointer, "missing required field: element");
    else element(p, b.element, `${pointer}/element`, new Set());
  } else if (b.type === "rich_text" && !Array.isArray(b.elements)) {
    p.add(`${pointer}/elements`, "must provide an array");
  }
}

/**
 * Validates blocks as Slack would for a message or a view; returns Slack-style error lines, none when valid.
 * Checks block count, known types, text lengths (section/context 3000, header 150, fields 2000),
 * block_id (≤ 255, unique), action_id (≤ 255, unique per block), buttons (text ≤ 75, value ≤ 2000).
 */
export function validateBlocks(blocks: unknown, surface: BlockSurface = "message"): string[] {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add("/blocks", "must provide an array");
    return p.lines;
  }
  const max = surface === "message" ? 50 : 100;
  if (blocks.length > max) p.add("/blocks", `no more than ${max} items allowed`);
  const blockIds = new Set<string>();
  blocks.forEach((b, i) => {
    const pointer = `/blocks/${i}`;
    if (isObj(b) && b.block_id !== undefined) {
      p.maxLength(b.block_id, 255, `${pointer}/block_id`);
      if (typeof b.block_id === "string") {
        if (blockIds.has(b.block_id)) p.add(`${pointer}/block_id`, "block_id already exists");
        blockIds.add(b.block_id);
      }
    }
    block(p, b, pointer);
  });
  return p.lines;
}

const shortId = (): string => randomBytes(4).toString("base64url").slice(0, 5);

/**
 * Copies blocks the way Slack stores them: a block without `block_id` gets a generated one, and so does
 * an interactive element without `action_id`. Clicks then carry these ids, as they do in Slack.
 */
export function withGeneratedIds(blocks: unknown[]): unknown[] {
  const withActionId = (el: unknown): unknown =>
    isObj(el) && el.type !== "image" && el.action_id === undefined && ELEMENT_TYPES.has(String(el.type))
      ? { ...el, action_id: shortId() }
      : el;
  return blocks.map((b) => {
    if (!isObj(b)) return b;
    const copy: Obj = { ...b, block_id: b.block_id ?? shortId() };
    if (b.type === "actions" && Array.isArray(b.elements)) copy.elements = b.elements.map(withActionId);
    if (b.accessory !== undefined) copy.accessory = withActionId(b.accessory);
    return copy;
  });
}
