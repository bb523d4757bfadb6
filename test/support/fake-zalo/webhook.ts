import { ApiError } from "./server.js";
import type { Delivery, Update } from "./types.js";

/** The header a webhook delivery carries the secret in. */
export const SECRET_HEADER = "X-Bot-Api-Secret-Token";

const ATTEMPTS = 3;

/**
 * The webhook side of the fake: `setWebhook` (url + secret_token of 8–256 characters), and pushes of
 * each update, one at a time and in order, as `POST url` with body `{ok:true, result: update}` and
 * the secret header. A delivery that is not answered 2xx is tried again, three attempts in all.
 */
export class Webhook {
  settings: { url: string; secret: string } | undefined;
  private updatedAt = 0;
  private readonly queue: Update[] = [];
  private running = false;
  private closed = false;

  constructor(
    private readonly retryMs: number,
    private readonly deliveries: Delivery[],
    private readonly changed: () => void,
  ) {}

  /** `setWebhook`; updates still queued for polling are pushed to the new URL. */
  set(params: Record<string, unknown>, queued: Update[]): { url: string; updated_at: number } {
    const { url, secret_token: secret } = params;
    if (typeof url !== "string" || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new ApiError(400, "Bad Request: url must be an HTTPS URL");
    if (typeof secret !== "string" || secret.length < 8 || secret.length > 256)
      throw new ApiError(400, "Bad Request: secret_token must be 8 to 256 characters");
    this.settings = { url, secret };
    this.updatedAt = Date.now();
    for (const update of queued) this.push(update);
    return this.info();
  }

  delete(): { url: string; updated_at: number } {
    this.settings = undefined;
    this.updatedAt = Date.now();
    return this.info();
  }

  info(): { url: string; updated_at: number } {
    return { url: this.settings?.url ?? "", updated_at: this.updatedAt };
  }

  /** Updates waiting for (or in) delivery. */
  pending(): number {
    return this.queue.length;
  }

  push(update: Update): void {
    this.queue.push(update);
    if (!this.running) void this.drain();
  }

  close(): void {
    this.closed = true;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (!this.closed && this.settings && this.queue[0]) {
      const update = this.queue[0];
      for (let attempt = 1; attempt <= ATTEMPTS && !this.closed; attempt++) {
        if (await this.deliver(update)) break;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs));
      }
      this.queue.shift();
      this.changed();
    }
    this.running = false;
  }

  private async deliver(update: Update): Promise<boolean> {
    const settings = this.settings;
    if (!settings) return false;
    const delivery: Delivery = { url: settings.url, update, status: 0, secretSent: settings.secret };
    try {
      const res = await fetch(settings.url, {
        method: "POST",
        headers: { "content-type": "application/json", [SECRET_HEADER]: settings.secret },
        body: JSON.stringify({ ok: true, result: update }),
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      delivery.status = res.status;
    } catch {
      delivery.status = 0;
    }
    this.deliveries.push(delivery);
    this.changed();
    return delivery.status >= 200 && delivery.status < 300;
  }
}
