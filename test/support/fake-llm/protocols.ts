/**
 * The two chat protocols the fake speaks, as real servers answer them:
 * - OpenAI `POST /v1/chat/completions` {model, messages, stream?, stream_options?} → a
 *   `chat.completion` object; with `stream: true`, Server-Sent Events: `data: {chat.completion.chunk}`
 *   lines (role first, then content deltas, then `finish_reason: "stop"`, then a usage chunk with
 *   empty `choices` when `stream_options.include_usage`), ending `data: [DONE]`. Errors are
 *   `{"error": {message, type, param, code}}`.
 * - Ollama `POST /api/chat` {model, messages, stream? (default true), options?} → NDJSON lines
 *   `{model, created_at, message: {role, content}, done: false}` and a last line with `done: true`,
 *   `done_reason`, counts and durations; with `stream: false` that last object alone, holding the
 *   whole content. Errors are `{"error": "…"}`.
 */

/** Which protocol a fake server speaks. */
export type ChatProtocol = "openai" | "ollama";

/** The chat route of each protocol. */
export const CHAT_ROUTES: Record<ChatProtocol, string> = {
  openai: "/v1/chat/completions",
  ollama: "/api/chat",
};

/** One chat message as received. */
export interface ChatMessage {
  role: string;
  content: string;
}

/** A chat request, parsed. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
}

/** Parses a request body, or returns an error message for a 400. */
export function parseChatRequest(protocol: ChatProtocol, body: unknown): ChatRequest | string {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.model !== "string" || !Array.isArray(b.messages)) return "model and messages are required";
  const messages: ChatMessage[] = [];
  for (const m of b.messages as Record<string, unknown>[]) {
    if (typeof m?.role !== "string") return "every message needs a role";
    const content = Array.isArray(m.content)
      ? (m.content as { text?: string }[]).map((p) => p.text ?? "").join("")
      : String(m.content ?? "");
    messages.push({ role: m.role, content });
  }
  const stream = protocol === "ollama" ? b.stream !== false : b.stream === true;
  const options = (b.stream_options ?? {}) as { include_usage?: boolean };
  return { model: b.model, messages, stream, includeUsage: options.include_usage === true };
}

/** Pieces a reply is streamed in: about four characters each, as tokens come. */
export function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,4}/gu) ?? [];
}

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The non-streaming OpenAI answer. */
export function openaiCompletion(req: ChatRequest, text: string): unknown {
  const prompt = tokens(req.messages.map((m) => m.content).join(""));
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 1_700_000_000,
    model: req.model,
    choices: [
      { index: 0, message: { role: "assistant", content: text }, finish_reason: "stop", logprobs: null },
    ],
    usage: { prompt_tokens: prompt, completion_tokens: tokens(text), total_tokens: prompt + tokens(text) },
  };
}

/** The OpenAI SSE events of a streamed answer (each already a `data: …` line pair). */
export function openaiEvents(req: ChatRequest, text: string): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_700_000_000, model: req.model, choices, ...extra })}\n\n`;
  const out = [chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }])];
  for (const p of pieces(text)) out.push(chunk([{ index: 0, delta: { content: p }, finish_reason: null }]));
  out.push(chunk([{ index: 0, delta: {}, finish_reason: "stop" }]));
  if (req.includeUsage) {
    const usage = { prompt_tokens: 10, completion_tokens: tokens(text), total_tokens: 10 + tokens(text) };
    out.push(chunk([], { usage }));
  }
  out.push("data: [DONE]\n\n");
  return out;
}

/** Ollama's answer: NDJSON lines when streaming, else the one final object. */
export function ollamaLines(req: ChatRequest, text: string): string[] {
  const base = { model: req.model, created_at: "2026-11-23T00:00:00Z" };
  const done = {
    ...base,
    message: { role: "assistant", content: req.stream ? "" : text },
    done: true,
    done_reason: "stop",
    total_duration: 1000,
    load_duration: 10,
    prompt_eval_count: 10,
    eval_count: tokens(text),
  };
  if (!req.stream) return [JSON.stringify(done)];
  const lines = pieces(text).map((p) =>
    JSON.stringify({ ...base, message: { role: "assistant", content: p }, done: false }),
  );
  return [...lines, JSON.stringify(done)].map((l) => `${l}\n`);
}

/** An error body in the protocol's own shape. */
export function chatError(protocol: ChatProtocol, status: number, message: string): unknown {
  if (protocol === "ollama") return { error: message };
  const type = status >= 500 ? "server_error" : "invalid_request_error";
  return { error: { message, type, param: null, code: null } };
}
