import { fakeVector, toBase64 } from "./vectors.js";

/**
 * The two HTTP protocols the fake speaks, as real servers answer them:
 * - Ollama `POST /api/embed` {model, input: string | string[]} → {model, embeddings: number[][], …};
 *   errors are `{"error": "…"}` (unknown model: 404 `model "x" not found, try pulling it first`).
 *   (ollama-js 0.6, used by @langchain/ollama, calls only /api/embed for embeddings.)
 * - OpenAI `POST /v1/embeddings` {model, input, encoding_format?, dimensions?} →
 *   {object: "list", data: [{object: "embedding", index, embedding}], model, usage}; the openai SDK
 *   asks for `encoding_format: "base64"` (little-endian float32) unless told otherwise. Errors are
 *   `{"error": {message, type, param, code}}`.
 */

/** Which protocol a fake server speaks. */
export type Protocol = "ollama" | "openai";

/** An HTTP answer before it is written. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The embedding route of each protocol. */
export const ROUTES: Record<Protocol, string> = { ollama: "/api/embed", openai: "/v1/embeddings" };

/** What a request asked for, once parsed. */
export interface EmbedRequest {
  model: string;
  inputs: string[];
  encoding?: string;
  dimensions?: number;
}

/** Parses a request body of `protocol`, or returns the 400 the real server would send. */
export function parseRequest(protocol: Protocol, body: unknown): EmbedRequest | Reply {
  const b = (body ?? {}) as Record<string, unknown>;
  const input = b.input;
  const inputs = typeof input === "string" ? [input] : Array.isArray(input) ? input : null;
  if (typeof b.model !== "string" || !inputs || !inputs.every((i) => typeof i === "string")) {
    return errorReply(protocol, 400, "invalid input: model (string) and input (string or string[]) required");
  }
  const dimensions = typeof b.dimensions === "number" ? b.dimensions : undefined;
  const encoding = typeof b.encoding_format === "string" ? b.encoding_format : undefined;
  return { model: b.model, inputs: inputs as string[], encoding, dimensions };
}

/** The successful answer to `req` with vectors of `size` numbers. */
export function embedReply(protocol: Protocol, req: EmbedRequest, size: number): Reply {
  const dims = req.dimensions ?? size;
  const vectors = req.inputs.map((t) => fakeVector(req.model, t, dims));
  const tokens = req.inputs.reduce((n, t) => n + t.split(/\s+/).length, 0);
  if (protocol === "ollama") {
    const body = { model: req.model, embeddings: vectors, total_duration: 1000, load_duration: 10 };
    return { status: 200, body: { ...body, prompt_eval_count: tokens } };
  }
  const data = vectors.map((v, index) => ({
    object: "embedding",
    index,
    embedding: req.encoding === "base64" ? toBase64(v) : v,
  }));
  const usage = { prompt_tokens: tokens, total_tokens: tokens };
  return { status: 200, body: { object: "list", data, model: req.model, usage } };
}

/** An error in the protocol's own shape. */
export function errorReply(
  protocol: Protocol,
  status: number,
  message: string,
  headers?: Record<string, string>,
): Reply {
  if (protocol === "ollama") return { status, body: { error: message }, headers };
  const type = status === 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
  const code = status === 429 ? "rate_limit_exceeded" : status === 404 ? "model_not_found" : null;
  return { status, body: { error: { message, type, param: null, code } }, headers };
}

/** The real servers' answer to a model they do not have. */
export function unknownModel(protocol: Protocol, model: string): Reply {
  return protocol === "ollama"
    ? errorReply(protocol, 404, `model "${model}" not found, try pulling it first`)
    : errorReply(protocol, 404, `The model \`${model}\` does not exist or you do not have access to it.`);
}
