import type { FastifyReply, FastifyRequest } from "fastify";
import { errorBody } from "../messengers/web/index.js";

/**
 * A per-address cap on what the page may post, in front of the chat core's per-user rate limit:
 * the user id is the page's own choice, so a script could change it on every request; the address
 * it cannot. Bounded memory: addresses idle for a window are forgotten.
 */

/** At most `max` POST requests per client address in `windowMs` (default 120 a minute); then 429. */
export function postLimit(max = 120, windowMs = 60_000, now: () => number = Date.now) {
  const seen = new Map<string, number[]>();
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== "POST") return;
    const at = now();
    const times = (seen.get(req.ip) ?? []).filter((t) => at - t < windowMs);
    if (times.length >= max) {
      seen.set(req.ip, times);
      return reply.code(429).send(errorBody("tooMany"));
    }
    times.push(at);
    seen.set(req.ip, times);
    if (seen.size > 10_000)
      for (const [ip, ts] of seen) if (ts.every((t) => at - t >= windowMs)) seen.delete(ip);
  };
}
