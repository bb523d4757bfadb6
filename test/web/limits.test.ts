import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { postLimit } from "../../src/web/limits.js";

// The per-address cap in front of the chat core's per-user limit (a page picks its own user id).

describe("the per-address POST limit", () => {
  it("answers 429 with a Vietnamese-first message past the cap, leaves GETs alone, and forgets after the window", async () => {
    let now = 0;
    const server = Fastify();
    server.addHook(
      "onRequest",
      postLimit(2, 60_000, () => now),
    );
    server.post("/x", async () => ({ ok: true }));
    server.get("/x", async () => ({ ok: true }));
    const postX = () => server.inject({ method: "POST", url: "/x", payload: {} });
    expect((await postX()).statusCode).toBe(200);
    expect((await postX()).statusCode).toBe(200);
    const third = await postX();
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatch(/^Gửi quá nhiều yêu cầu trong một phút/);
    expect((await server.inject({ method: "GET", url: "/x" })).statusCode).toBe(200);
    now += 60_000;
    expect((await postX()).statusCode).toBe(200);
    await server.close();
  });
});
