import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { ConceptFinder } from "./concepts.js";
import { NO_CONCEPTS } from "./concepts.js";
import { HashedFeatureEmbeddings } from "./embeddings.js";
import {
  CheckedEmbeddings,
  EmbeddingsError,
  type NamedEmbeddings,
  type RemoteClients,
  type RemoteTarget,
} from "./embeddings-checked.js";

/**
 * `EMBEDDINGS=local|ollama|openai` → the embedding model of the vector index (DESIGN §3.5, §5).
 * `local` is the offline hashed-feature embedding; the others are real models reached through
 * LangChain's clients, wrapped so that failures name EMBEDDINGS_BASE_URL (see embeddings-checked).
 */

/** The variables that choose the model (a subset of the parsed config's env; all optional). */
export interface EmbeddingSettings {
  EMBEDDINGS?: "local" | "ollama" | "openai";
  EMBEDDINGS_BASE_URL?: string;
  EMBEDDINGS_MODEL?: string;
  /** Honoured for `openai` (DESIGN §3.5); LLM_API_KEY is used when LLM=openai and this is unset. */
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  LLM?: "openai" | "ollama";
  LLM_API_KEY?: string;
}

/**
 * Timeouts and retries, chosen deliberately (DESIGN §9: LangChain retries 6 times by default, so a
 * stalled server would cost minutes). A query waits on a person: 15 s, one retry. A batch of 256
 * passages on a CPU-only Ollama can take a minute: 120 s, two retries.
 */
export interface EmbeddingLimits {
  queryTimeoutMs: number;
  documentTimeoutMs: number;
  queryRetries: number;
  documentRetries: number;
}

/** The limits used unless a caller (a test, a bench) gives others. */
export const DEFAULT_LIMITS: EmbeddingLimits = {
  queryTimeoutMs: 15_000,
  documentTimeoutMs: 120_000,
  queryRetries: 1,
  documentRetries: 2,
};

/** Models used when EMBEDDINGS_MODEL is unset: both handle Vietnamese, French and Japanese. */
export const DEFAULT_MODELS = { ollama: "bge-m3", openai: "text-embedding-3-small" } as const;

const DEFAULT_URLS = { ollama: "http://localhost:11434", openai: "https://api.openai.com/v1" } as const;

/** Builds the embedding model the settings name; throws `EmbeddingsError` when they cannot work. */
export function createEmbeddings(
  settings: EmbeddingSettings = {},
  opts: { concepts?: ConceptFinder; limits?: Partial<EmbeddingLimits> } = {},
): NamedEmbeddings {
  const kind = settings.EMBEDDINGS ?? "local";
  if (kind === "local") return new HashedFeatureEmbeddings(opts.concepts ?? NO_CONCEPTS);
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  if (kind === "ollama") {
    const url = settings.EMBEDDINGS_BASE_URL ?? DEFAULT_URLS.ollama;
    const target = remoteTarget("ollama", settings.EMBEDDINGS_MODEL ?? DEFAULT_MODELS.ollama, url);
    const client = (timeoutMs: number, maxRetries: number) =>
      onFirstUse(async () => {
        const { OllamaEmbeddings } = await import("@langchain/ollama");
        return new OllamaEmbeddings({
          model: target.model,
          baseUrl: url,
          maxRetries,
          onFailedAttempt: retryOllama,
          fetch: fetchWithTimeout(timeoutMs),
        });
      });
    return new CheckedEmbeddings(target, clients(limits, client));
  }
  const url = settings.EMBEDDINGS_BASE_URL ?? settings.OPENAI_BASE_URL ?? DEFAULT_URLS.openai;
  const target = remoteTarget("openai", settings.EMBEDDINGS_MODEL ?? DEFAULT_MODELS.openai, url);
  const key = settings.OPENAI_API_KEY ?? (settings.LLM === "openai" ? settings.LLM_API_KEY : undefined);
  if (!key && new URL(url).hostname === "api.openai.com") {
    throw new EmbeddingsError(
      "EMBEDDINGS=openai needs OPENAI_API_KEY for api.openai.com; set it, or point EMBEDDINGS_BASE_URL at an OpenAI-compatible server, or set EMBEDDINGS=local",
    );
  }
  const client = (timeout: number, maxRetries: number) =>
    onFirstUse(async () => {
      const { OpenAIEmbeddings } = await import("@langchain/openai");
      return new OpenAIEmbeddings({
        model: target.model,
        // OpenAI-compatible servers on premises usually take no key, but the client insists on one.
        apiKey: key ?? "no-key",
        configuration: { baseURL: url },
        timeout,
        maxRetries,
        batchSize: 256,
      });
    });
  return new CheckedEmbeddings(target, clients(limits, client));
}

/**
 * A client made on its first call: the provider's package is loaded only when a remote model is
 * used, not by every command that builds the offline one.
 */
function onFirstUse(make: () => Promise<EmbeddingsInterface>): EmbeddingsInterface {
  let client: Promise<EmbeddingsInterface> | undefined;
  const get = () => {
    client ??= make();
    return client;
  };
  return {
    embedQuery: async (text) => (await get()).embedQuery(text),
    embedDocuments: async (texts) => (await get()).embedDocuments(texts),
  };
}

function clients(
  limits: EmbeddingLimits,
  make: (timeoutMs: number, retries: number) => RemoteClients["query"],
): RemoteClients {
  return {
    query: make(limits.queryTimeoutMs, limits.queryRetries),
    documents: make(limits.documentTimeoutMs, limits.documentRetries),
    limits,
  };
}

/** The target with a base URL fit for an identity: no user, password, query or trailing slash. */
function remoteTarget(provider: RemoteTarget["provider"], model: string, raw: string): RemoteTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EmbeddingsError(
      `EMBEDDINGS_BASE_URL is not a URL (got '${raw}'); e.g. ${DEFAULT_URLS[provider]}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { provider, model, baseUrl: `${url.protocol}//${url.host}${path}` };
}

/**
 * Ollama's errors carry `status_code`, which LangChain's default retry policy does not read, so a
 * missing model would be retried: a client error (4xx) other than 408 and 429 ends the attempts.
 */
function retryOllama(error: unknown): void {
  const status = (error as { status_code?: unknown }).status_code;
  if (typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    throw error;
  }
}

/** The Ollama client has no timeout of its own: every request gets an abort signal. */
function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
