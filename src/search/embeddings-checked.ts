import { Embeddings, type EmbeddingsInterface } from "@langchain/core/embeddings";

/**
 * The guard around a remote embedding model (Ollama, an OpenAI-compatible endpoint): it gives
 * the model an identity for the index manifest, learns the vector size from the first answer,
 * checks every answer (one finite vector per text, all of one size), and turns client failures
 * into one `EmbeddingsError` that names the server, the variable to fix and what to type instead.
 */

/**
 * An embedding model with the identity recorded in the index manifest (no secrets in it), and
 * optionally how many passages to give it at a time (default: 256, one request to a remote model).
 */
export type NamedEmbeddings = EmbeddingsInterface & { readonly name: string; readonly batchSize?: number };

/** The embedding server failed or answered nonsense; `message` is one line meant for the operator. */
export class EmbeddingsError extends Error {
  readonly code = "EMBEDDINGS_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingsError";
  }
}

/** Where a remote model lives, for identities and error messages. */
export interface RemoteTarget {
  provider: "ollama" | "openai";
  model: string;
  /** The base URL without credentials. */
  baseUrl: string;
}

/** Two clients of one model: queries fail fast, document batches may take longer. */
export interface RemoteClients {
  query: EmbeddingsInterface;
  documents: EmbeddingsInterface;
  /** Attempts (1 + retries) and timeout of each client, for the error message. */
  limits: {
    queryTimeoutMs: number;
    documentTimeoutMs: number;
    queryRetries: number;
    documentRetries: number;
  };
}

/** A remote model behind the checks described above. */
export class CheckedEmbeddings extends Embeddings implements NamedEmbeddings {
  readonly name: string;
  /** Vector size, learnt from the first vector the server returns. */
  dimensions: number | undefined;

  constructor(
    readonly target: RemoteTarget,
    private readonly clients: RemoteClients,
  ) {
    super({ maxRetries: 0 });
    this.name = `${target.provider}:${target.model}@${target.baseUrl}`;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const { documentTimeoutMs, documentRetries } = this.clients.limits;
    const vectors = await this.guard(() => this.clients.documents.embedDocuments(texts), {
      timeoutMs: documentTimeoutMs,
      attempts: documentRetries + 1,
    });
    if (!Array.isArray(vectors) || vectors.length !== texts.length) {
      throw this.nonsense(
        `${texts.length} texts sent, ${Array.isArray(vectors) ? vectors.length : 0} vectors back`,
      );
    }
    return vectors.map((v) => this.check(v));
  }

  override async embedQuery(text: string): Promise<number[]> {
    const { queryTimeoutMs, queryRetries } = this.clients.limits;
    const vector = await this.guard(() => this.clients.query.embedQuery(text), {
      timeoutMs: queryTimeoutMs,
      attempts: queryRetries + 1,
    });
    return this.check(vector);
  }

  private async guard<T>(
    call: () => Promise<T>,
    limits: { timeoutMs: number; attempts: number },
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new EmbeddingsError(describeFailure(this.target, error, limits), { cause: error });
    }
  }

  private check(vector: unknown): number[] {
    const v = ArrayBuffer.isView(vector) ? Array.from(vector as Float32Array) : vector;
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw this.nonsense("a vector is empty or holds something other than finite numbers");
    }
    this.dimensions ??= v.length;
    if (v.length !== this.dimensions) {
      throw this.nonsense(`vectors of ${v.length} numbers after vectors of ${this.dimensions}`);
    }
    return v as number[];
  }

  private nonsense(what: string): EmbeddingsError {
    return new EmbeddingsError(
      `${where(this.target)} answered, but not with embeddings (${what}); check that EMBEDDINGS_MODEL=${this.target.model} is an embedding model, or set EMBEDDINGS=local`,
    );
  }
}

function where(t: RemoteTarget): string {
  return `${t.provider} embedding server at ${t.baseUrl} (EMBEDDINGS_BASE_URL, model ${t.model})`;
}

/** One line saying what went wrong with the server and what to change. */
export function describeFailure(
  target: RemoteTarget,
  error: unknown,
  limits: { timeoutMs: number; attempts: number },
): string {
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    status?: number;
    status_code?: number;
  };
  const status = e.status_code ?? e.status;
  const detail = oneLine(e.message ?? String(error));
  const at = where(target);
  const tries = limits.attempts > 1 ? ` (up to ${limits.attempts} attempts)` : "";
  if (typeof status === "number") {
    const hint =
      status === 401 || status === 403
        ? "check OPENAI_API_KEY"
        : status === 404
          ? `check EMBEDDINGS_MODEL${target.provider === "ollama" ? ` (on the server: ollama pull ${target.model})` : ""}`
          : status === 429
            ? "the server is limiting requests: try again later, or set EMBEDDINGS=local"
            : "check the server's log, or set EMBEDDINGS=local to use the offline embedding";
    // The openai SDK prefixes its messages with the status ("500 out of memory").
    return `${at} answered HTTP ${status}${tries}: ${detail.startsWith(`${status} `) ? detail.slice(String(status).length + 1) : detail}; ${hint}`;
  }
  if (e.name === "TimeoutError" || /timed? ?out/i.test(detail)) {
    const wait =
      limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} s`;
    return `${at} did not answer within ${wait}${tries}; check that the server is up and not overloaded, or set EMBEDDINGS=local`;
  }
  const code = causeCode(error);
  if (code || /fetch failed|connection error/i.test(detail)) {
    return `${at} could not be reached (${code ?? detail})${tries}; check EMBEDDINGS_BASE_URL and that the server is running, or set EMBEDDINGS=local`;
  }
  return `${at} failed: ${detail}; check EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL, or set EMBEDDINGS=local`;
}

/** The first system error code (ECONNREFUSED, ENOTFOUND…) along the chain of causes. */
function causeCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && /^E[A-Z]+$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
