import { STATUS_CODES } from "node:http";
import type { Core, WebhookSettings } from "./core.js";
import { postJson } from "./http-io.js";
import type { Update } from "./types.js";

/** The header Telegram puts the webhook secret in. */
export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/** One attempt to deliver an update to the webhook. */
export interface Delivery {
  updateId: number;
  url: string;
  /** HTTP status of the answer; 0 when the connection failed. */
  status: number;
  error?: string;
  /** Clock time (ms) of the attempt. */
  at: number;
}

/** How webhook delivery behaves. */
export interface WebhookOptions {
  /** Wait before retrying after a failed delivery (Telegram waits longer; tests want it short). */
  retryMs: number;
  /** How long to wait for the webhook to answer. */
  timeoutMs: number;
}

/**
 * Pushes queued updates to the webhook one at a time, in order, with the secret header when one was
 * set. A non-2xx answer or a network error keeps the update queued, records `last_error_*` for
 * `getWebhookInfo`, and retries after `retryMs`. A 2xx answer whose JSON body names a `method` is
 * executed, as Telegram does with webhook replies.
 */
export class WebhookDeliverer {
  readonly deliveries: Delivery[] = [];
  private busy = false;
  private stopped = false;
  private cancelRetry: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: Core,
    private readonly options: WebhookOptions,
    private readonly onReply: (call: Record<string, unknown>) => Promise<void>,
  ) {
    core.kickWebhook = () => this.pump();
    this.unsubscribe = core.queue.onUpdate(() => this.pump());
  }

  /** Starts a delivery if a webhook is set, an update waits, and nothing is in flight or backing off. */
  pump(): void {
    if (this.busy || this.stopped || this.cancelRetry) return;
    const hook = this.core.webhook;
    const update = this.core.queue.list()[0];
    if (!hook || !update) return;
    this.busy = true;
    void this.deliver(hook, update);
  }

  private async deliver(hook: WebhookSettings, update: Update): Promise<void> {
    const headers: Record<string, string> = hook.secretToken ? { [SECRET_HEADER]: hook.secretToken } : {};
    const result = await postJson(hook.url, update, headers, this.options.timeoutMs);
    this.busy = false;
    if (this.stopped) return;
    const delivery: Delivery = {
      updateId: update.update_id,
      url: hook.url,
      status: result.status,
      at: this.core.clock.now(),
    };
    if (result.error !== undefined) delivery.error = result.error;
    this.deliveries.push(delivery);
    if (result.status >= 200 && result.status < 300) {
      this.core.queue.remove(update.update_id);
      this.core.changed();
      await this.reply(result.body);
      this.pump();
      return;
    }
    hook.lastErrorDate = this.core.nowSeconds();
    hook.lastErrorMessage =
      result.status === 0
        ? `Connection failed: ${result.error ?? "unknown error"}`
        : `Wrong response from the webhook: ${result.status} ${STATUS_CODES[result.status] ?? ""}`.trim();
    this.core.changed();
    this.cancelRetry = this.core.clock.setTimer(() => {
      this.cancelRetry = undefined;
      this.pump();
    }, this.options.retryMs);
  }

  private async reply(body: string): Promise<void> {
    if (body.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as { method?: unknown }).method === "string"
    ) {
      await this.onReply(parsed as Record<string, unknown>);
    }
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    this.unsubscribe();
  }
}
