import { z } from "zod";

/**
 * A small typed client of the Zalo Bot API (no maintained npm SDK exists): `POST
 * <apiRoot>/bot<TOKEN>/<method>` with a JSON body, answered `{ok:true, result}` or
 * `{ok:false, error_code, description}`. Every answer is checked with zod; the token never appears
 * in an error message.
 */

/** Zalo's own API host. */
export const DEFAULT_API_ROOT = "https://bot-api.zaloplatforms.com";

/** The API answered with an error (or with something that is not its JSON). */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    /** `error_code` (HTTP status when the body was not the API's JSON). */
    readonly code: number,
    readonly description: string,
  ) {
    super(`${method}: ${code} ${description}`);
    this.name = "ZaloApiError";
  }
}

/** The request did not get an answer: `code` is the system error (ECONNREFUSED…) or TimeoutError. */
export class ZaloNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    detail: string,
  ) {
    super(`${method}: ${code} ${detail}`.trim());
    this.name = "ZaloNetworkError";
  }
}

const Envelope = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

const Id = z.union([z.string(), z.number()]).transform(String);

/** `getMe`: the bot's account. */
export const Me = z.object({
  id: Id,
  account_name: z.string(),
  display_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type Me = z.output<typeof Me>;

/** A received message (`message.text.received` and the other `message.*` events). */
export const Message = z.object({
  message_id: Id,
  date: z.number().optional(),
  text: z.string().optional(),
  from: z.object({
    id: Id,
    display_name: z.string().optional(),
    name: z.string().optional(),
    first_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.object({ id: Id, chat_type: z.string().optional() }),
});
export type Message = z.output<typeof Message>;

/** One update, as `getUpdates` returns it and a webhook push carries it. */
export const Update = z.object({ event_name: z.string().optional(), message: Message.optional() });
export type Update = z.output<typeof Update>;

const Sent = z.object({ message_id: Id, date: z.number().optional() });
const WebhookInfo = z.object({ url: z.string().optional(), updated_at: z.number().optional() });

// Bot tokens are "<digits>:<secret>"; fetch errors can quote the URL that holds one.
const TOKEN_PATTERN = /\d{3,}:[A-Za-z0-9_-]{8,}/g;

/** Text with any bot token blanked. */
export function redact(text: string, token?: string): string {
  const plain = token ? text.split(token).join("<ZALO_BOT_TOKEN>") : text;
  return plain.replace(TOKEN_PATTERN, "<ZALO_BOT_TOKEN>");
}

function systemCode(error: unknown): string {
  const e = error as { name?: string; code?: unknown; cause?: { code?: unknown; name?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return e.name;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === "string" ? code : (e?.cause?.name ?? "NETWORK");
}

/** Options of one call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Give up after this long (default: the client's). */
  timeoutMs?: number;
}

/** The Zalo Bot API for one bot token: one method per API method the adapter uses, plus `call`. */
export class ZaloClient {
  constructor(
    private readonly token: string,
    readonly apiRoot: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** One API call; throws `ZaloApiError` or `ZaloNetworkError` (token redacted). */
  async call<T>(
    method: string,
    params: Record<string, unknown>,
    schema: z.ZodType<T>,
    opts: CallOptions = {},
  ): Promise<T> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let status: number;
    let text: string;
    try {
      const res = await fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      const detail = error instanceof Error ? (error.cause as Error)?.message || error.message : "";
      throw new ZaloNetworkError(method, systemCode(error), redact(detail, this.token));
    }
    let body: z.output<typeof Envelope>;
    try {
      body = Envelope.parse(JSON.parse(text));
    } catch {
      throw new ZaloApiError(method, status, `HTTP ${status}, not the API's JSON`);
    }
    if (!body.ok) {
      const description = redact(body.description ?? `HTTP ${status}`, this.token);
      throw new ZaloApiError(method, body.error_code ?? status, description);
    }
    const result = schema.safeParse(body.result);
    if (!result.success) throw new ZaloApiError(method, status, "the result has an unexpected shape");
    return result.data;
  }

  getMe(opts?: CallOptions): Promise<Me> {
    return this.call("getMe", {}, Me, opts);
  }

  /**
   * Waits up to `seconds` for updates. Zalo answers one update per call and 408 when nothing came;
   * both that and an empty result are "no updates" here. A list is accepted too.
   */
  async getUpdates(seconds: number, signal?: AbortSignal): Promise<Update[]> {
    try {
      const result = await this.call(
        "getUpdates",
        { timeout: String(seconds) },
        z.union([z.array(Update), Update, z.null(), z.undefined()]),
        { timeoutMs: (seconds + 15) * 1000, ...(signal && { signal }) },
      );
      if (!result) return [];
      return (Array.isArray(result) ? result : [result]).filter((u) => u.message);
    } catch (error) {
      if (error instanceof ZaloApiError && error.code === 408) return [];
      throw error;
    }
  }

  sendMessage(chatId: string, text: string, opts?: CallOptions) {
    return this.call("sendMessage", { chat_id: chatId, text }, Sent, opts);
  }

  sendPhoto(chatId: string, photo: string, caption?: string, opts?: CallOptions) {
    return this.call("sendPhoto", { chat_id: chatId, photo, ...(caption && { caption }) }, Sent, opts);
  }

  sendChatAction(chatId: string, action: "typing" | "upload_photo", opts?: CallOptions) {
    return this.call("sendChatAction", { chat_id: chatId, action }, z.unknown(), opts);
  }

  setWebhook(url: string, secret: string, opts?: CallOptions) {
    return this.call("setWebhook", { url, secret_token: secret }, WebhookInfo, opts);
  }

  deleteWebhook(opts?: CallOptions) {
    return this.call("deleteWebhook", {}, WebhookInfo, opts);
  }

  getWebhookInfo(opts?: CallOptions) {
    return this.call("getWebhookInfo", {}, WebhookInfo, opts);
  }
}
