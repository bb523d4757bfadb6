import type { IncomingMessage, ServerResponse } from "node:http";
import { request } from "node:http";
import { type ApiError, badRequest } from "./errors.js";

/** An uploaded part of a multipart body (grammY sends files this way). */
export interface UploadedFile {
  filename: string;
  type: string;
  data: Buffer;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Reads a Bot API request's parameters: query string first, then the body (JSON, form-urlencoded or
 * multipart/form-data) on top, like the real server which accepts all four ways.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const body = await readAll(req);
  if (body.length === 0) return params;
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("can't parse JSON object");
    }
    return { ...params, ...(parsed as Record<string, unknown>) };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  if (type.startsWith("multipart/form-data")) {
    // undici's Response parses multipart exactly as browsers do; no hand-written boundary parser.
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
    const entries: [string, FormDataEntryValue][] = [];
    form.forEach((value, key) => {
      entries.push([key, value]);
    });
    for (const [key, value] of entries) {
      if (typeof value === "string") {
        params[key] = value;
      } else {
        const file: UploadedFile = {
          filename: value.name,
          type: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        };
        params[key] = file;
      }
    }
    return params;
  }
  return params;
}

/** Writes a JSON reply with the given HTTP status. */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/** Writes a Bot API error reply (HTTP status = error_code, as Telegram does). */
export function writeError(res: ServerResponse, error: ApiError): void {
  writeJson(res, error.code, error.toJSON());
}

/** What a POST to a webhook answered. `status` is 0 when the connection failed. */
export interface PostResult {
  status: number;
  body: string;
  error?: string;
}

/** POSTs a JSON body to a URL (webhook delivery); never throws, failures come back as values. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostResult> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = request(
      url,
      {
        method: "POST",
        // a fresh connection per delivery, so nothing lingers in Node's keep-alive pool after a test
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(payload)),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", (err) => done({ status: 0, body: "", error: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("Read timeout expired")));
    req.on("error", (err) => done({ status: 0, body: "", error: err.message }));
    req.end(payload);
  });
}
