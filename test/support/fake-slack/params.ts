import type { IncomingMessage } from "node:http";
import type { Json } from "./types.js";

/** A Web API request body decoded the way Slack decodes it. */
export interface DecodedRequest {
  params: Json;
  token: string | undefined;
  contentType: string;
}

/** Reads a whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Decodes form-urlencoded or JSON bodies. Slack takes the token from `Authorization: Bearer` first; a
 * `token` field is honoured only in form bodies (Slack ignores a token inside a JSON body).
 */
export function decodeRequest(req: IncomingMessage, raw: string): DecodedRequest {
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  let params: Json = {};
  let bodyToken: string | undefined;
  if (contentType === "application/json") {
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) params = parsed as Json;
    } catch {
      params = {};
    }
  } else {
    params = Object.fromEntries(new URLSearchParams(raw));
    bodyToken = typeof params.token === "string" ? params.token : undefined;
  }
  const header = req.headers.authorization;
  const bearer = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined;
  return { params, token: bearer || bodyToken, contentType };
}

/** A string parameter, or undefined when absent or empty. */
export function str(params: Json, name: string): string | undefined {
  const value = params[name];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A boolean parameter as Slack reads it: true/false/1/0 in forms, real booleans in JSON. */
export function bool(params: Json, name: string): boolean | undefined {
  const value = params[name];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1" || value === 1) return true;
  if (value === "false" || value === "0" || value === 0) return false;
  return undefined;
}

/**
 * A JSON-valued parameter (blocks, view): forms carry it as a JSON string, JSON bodies as a value.
 * Returns `{ok:false}` when a string is not valid JSON.
 */
export function jsonParam(params: Json, name: string): { ok: true; value: unknown } | { ok: false } {
  const value = params[name];
  if (typeof value !== "string") return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}
