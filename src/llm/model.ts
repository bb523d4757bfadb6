import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessageLike, MessageContent } from "@langchain/core/messages";
import { ConfigError } from "../config/index.js";

/**
 * `LLM=openai|ollama` → a chat model reached through LangChain's clients (DESIGN §3.5, §9). Two facts
 * shape this file: LangChain retries a failed or timed-out request six times by default, so a
 * stalled server would cost minutes; and `ChatOpenAI` with `streaming: true` called through
 * `invoke()` counts tokens with tiktoken data fetched from the internet. Here the OpenAI client is
 * either called without streaming (`invoke`, the server's own usage counts) or through `stream()`,
 * which counts nothing; no request goes anywhere but the configured base URL.
 */

/** The variables that choose the model (a subset of the parsed config's env; all optional). */
export interface LlmSettings {
  LLM?: "openai" | "ollama";
  LLM_BASE_URL?: string;
  LLM_API_KEY?: string;
  LLM_MODEL?: string;
  LLM_TIMEOUT_MS?: number;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
}

/** Time one model call may take, retries included, unless LLM_TIMEOUT_MS says otherwise. */
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

/**
 * One retry: a 429 or 5xx is often transient, and the overall deadline still bounds the call. Only
 * ChatOpenAI retries (through LangChain's caller); ChatOllama calls its server once.
 */
export const LLM_RETRIES = 1;

/** Models used when LLM_MODEL is unset: both write Vietnamese, French and Japanese. */
export const DEFAULT_LLM_MODELS = { ollama: "qwen2.5:7b", openai: "gpt-4o-mini" } as const;

const DEFAULT_URLS = { ollama: "http://localhost:11434", openai: "https://api.openai.com/v1" } as const;

/** A model call that did not end in time. */
export class LlmTimeoutError extends Error {}

/** A configured chat model, called with a system and a user message, bounded by `timeoutMs`. */
export interface LanguageModel {
  provider: "openai" | "ollama";
  model: string;
  baseUrl: string;
  timeoutMs: number;
  /** The model's reply as plain text; throws on error, on timeout (`LlmTimeoutError`). */
  complete(system: string, user: string): Promise<string>;
}

/** Builds the chat model the settings name; throws `ConfigError` when they cannot work. */
export function createChatModel(
  settings: LlmSettings,
  opts: { streaming?: boolean; timeoutMs?: number } = {},
): LanguageModel {
  const provider = settings.LLM;
  if (!provider)
    throw new ConfigError("LLM is not set: set LLM=openai or LLM=ollama to use a language model");
  const timeoutMs = opts.timeoutMs ?? settings.LLM_TIMEOUT_MS ?? DEFAULT_LLM_TIMEOUT_MS;
  const model = settings.LLM_MODEL ?? DEFAULT_LLM_MODELS[provider];
  const raw =
    settings.LLM_BASE_URL ??
    (provider === "openai" ? settings.OPENAI_BASE_URL : undefined) ??
    DEFAULT_URLS[provider];
  const baseUrl = checkedUrl(raw, provider);
  const streaming = opts.streaming ?? false;
  const key = settings.LLM_API_KEY ?? settings.OPENAI_API_KEY;
  if (provider === "openai" && !key && new URL(baseUrl).hostname === "api.openai.com") {
    throw new ConfigError(
      "LLM=openai needs LLM_API_KEY (or OPENAI_API_KEY) for api.openai.com; or point LLM_BASE_URL at an OpenAI-compatible server",
    );
  }
  // The client's package is loaded on the first request, not by every command that imports this file.
  const connect = async (): Promise<BaseChatModel> => {
    if (provider === "ollama") {
      const { ChatOllama } = await import("@langchain/ollama");
      // The Ollama client has no timeout of its own, and always streams (NDJSON) from /api/chat.
      return new ChatOllama({
        model,
        baseUrl,
        maxRetries: LLM_RETRIES,
        temperature: 0.2,
        fetch: fetchWithTimeout(timeoutMs),
      });
    }
    const { ChatOpenAI } = await import("@langchain/openai");
    return new ChatOpenAI({
      model,
      // OpenAI-compatible servers on premises usually take no key, but the client insists on one.
      apiKey: key ?? "no-key",
      configuration: { baseURL: baseUrl },
      timeout: timeoutMs,
      maxRetries: LLM_RETRIES,
      temperature: 0.2,
      // `streaming: false` would also turn `stream()` into one non-streamed request.
      streaming,
    });
  };
  let client: Promise<BaseChatModel> | undefined;
  return {
    provider,
    model,
    baseUrl,
    timeoutMs,
    complete: async (system, user) => {
      // Loading the package is not the server's time: the deadline starts after it.
      client ??= connect();
      const chat = await client;
      return withDeadline(timeoutMs, (signal) => {
        const messages: BaseMessageLike[] = [
          ["system", system],
          ["human", user],
        ];
        return streaming ? streamText(chat, messages, signal) : invokeText(chat, messages, signal);
      });
    },
  };
}

async function invokeText(client: BaseChatModel, messages: BaseMessageLike[], signal: AbortSignal) {
  const reply = await client.invoke(messages, { signal });
  return textOf(reply.content);
}

/** `stream()` reads the server's chunks without the token counting that `invoke()` does on streams. */
async function streamText(client: BaseChatModel, messages: BaseMessageLike[], signal: AbortSignal) {
  let text = "";
  for await (const chunk of await client.stream(messages, { signal })) text += textOf(chunk.content);
  return text;
}

function textOf(content: MessageContent): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && "text" in part ? String(part.text) : "")).join("");
}

/**
 * Runs `call` with an abort signal and rejects with `LlmTimeoutError` after `ms`, whatever the client
 * does with the signal: the caller's wait is bounded by the timeout, retries included.
 */
export async function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmTimeoutError(`no reply within ${ms} ms (LLM_TIMEOUT_MS)`));
    }, ms);
  });
  const running = call(controller.signal);
  running.catch(() => {}); // its rejection after the deadline is expected and already reported
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function checkedUrl(raw: string, provider: "openai" | "ollama"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`LLM_BASE_URL is not a URL (got '${raw}'); e.g. ${DEFAULT_URLS[provider]}`);
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/** Every request of the Ollama client gets an abort signal after `ms`. */
function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
