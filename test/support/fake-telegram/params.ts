import { badRequest } from "./errors.js";

/**
 * The parameters of one API call, whatever body they came in. JSON bodies carry real types; query
 * strings, form-urlencoded and multipart bodies carry strings (objects as JSON text). Telegram
 * accepts both for every field, so each getter accepts both too.
 */
export class Params {
  constructor(readonly raw: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  /** A String field; numbers and booleans are turned into text as the Bot API does. */
  str(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  /** An Integer field. */
  int(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    const n =
      typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
    if (!Number.isInteger(n)) throw badRequest(`field "${name}" must be of type Integer`);
    return n;
  }

  /** A Boolean field ("true"/"false", 1/0 or a JSON boolean). */
  bool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "1" || value === 1) return true;
    if (value === "false" || value === "0" || value === 0) return false;
    throw badRequest(`field "${name}" must be of type Boolean`);
  }

  /** A JSON-serialized object or array field; `what` names it in Telegram's parse error. */
  json(name: string, what = `${name} JSON object`): unknown {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      throw badRequest(`can't parse ${what}`);
    }
  }

  /** `chat_id`: an integer id or an "@username"; required by every method that has it. */
  chatId(name = "chat_id"): number | string {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") throw badRequest("chat_id is empty");
    if (typeof value === "number") return value;
    if (typeof value === "string") {
      const trimmed = value.trim();
      return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    }
    throw badRequest("chat not found");
  }
}
