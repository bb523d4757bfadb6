import { describe, expect, it } from "vitest";
import { serveRoutes } from "../../src/messengers/http.js";
import { freePort } from "../support/process.js";
import { adapter, onCleanup, realChat, settled, startFake, WAIT } from "./telegram-setup.js";

// Webhook mode: the adapter's route served by the shared HTTP host, Telegram's pushes from the fake.

async function webhookBot() {
  const world = await startFake({ webhookRetryMs: 50 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/telegram/webhook`;
  const { tg, logs } = await adapter(world.fake, await realChat(), {
    webhook: { url, secret: "Cadre_secret-123" },
  });
  expect(tg.routes.map((r) => r.path)).toEqual(["/telegram/webhook"]);
  const served = await serveRoutes(tg.routes, { port });
  onCleanup(() => served.close());
  await tg.start();
  return { ...world, tg, logs, url };
}

describe("Telegram webhook mode", () => {
  it("sets the webhook with its secret and answers updates pushed with the right secret", async () => {
    const { fake, lan, dm, url } = await webhookBot();
    expect(fake.calls("setWebhook").map((c) => [c.params.url, c.params.secret_token])).toEqual([
      [url, "Cadre_secret-123"],
    ]);
    const asked = fake.userSends(dm, lan, "nhiệm vụ 4 yêu cầu gì?");
    const [answer] = await fake.waitFor(() => fake.sent(dm).length > 0 && fake.sent(dm), WAIT);
    expect(answer?.text).toContain("Nhiệm vụ 4 của 1470-CV/TU");
    // the push is acknowledged once the answer is out
    await settled(fake);
    expect(fake.webhookDeliveries().map((d) => d.status)).toEqual([200]);
    expect(asked.text).toBe("nhiệm vụ 4 yêu cầu gì?");
  });

  it("rejects a push with a wrong or missing secret with 401 and answers nothing", async () => {
    const { fake, lan, dm, url } = await webhookBot();
    const forged = {
      update_id: 900_000_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: dm.id, type: "private", first_name: "Lan" },
        from: lan,
        text: "nhiệm vụ 4 yêu cầu gì?",
      },
    };
    expect((await fake.pushRaw(url, forged, "wrong-secret")).status).toBe(401);
    expect((await fake.pushRaw(url, forged)).status).toBe(401);
    expect(fake.calls("sendMessage")).toEqual([]);
    // the same update with the right secret is answered
    expect((await fake.pushRaw(url, forged, "Cadre_secret-123")).status).toBe(200);
    await fake.waitFor(() => fake.sent(dm).length === 1, WAIT);
  });

  it("refuses pushes with 503 once stopped, so Telegram keeps the update for the next start", async () => {
    const { fake, tg, lan, dm, logs } = await webhookBot();
    await tg.stop();
    fake.userSends(dm, lan, "còn đó không?");
    await fake.waitFor(() => fake.webhookDeliveries().length > 0, WAIT);
    expect(fake.webhookDeliveries()[0]?.status).toBe(503);
    expect(fake.pendingUpdates()).toHaveLength(1);
    expect(fake.sent(dm)).toEqual([]);
    expect(logs.some((line) => line.includes("receives updates at"))).toBe(true);
  });

  it("answers a bad request body with 400 instead of crashing", async () => {
    const { fake, url, logs } = await webhookBot();
    const response = await fetch(url, {
      method: "POST",
      headers: { "X-Telegram-Bot-Api-Secret-Token": "Cadre_secret-123", "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(logs.some((line) => line.includes("webhook request failed"))).toBe(true);
    await settled(fake);
  });
});
