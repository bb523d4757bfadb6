/**
 * A Fastify instance with only the dashboard registered under `/dashboard`, over the dashboard
 * scene's store (or the one given), for server and browser tests.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { Store } from "../../src/store/index.js";
import { dashboardRoutes } from "../../src/web/dashboard/index.js";

export const TOKEN = "s3cret-token-for-tests";

/** The app (not listening); `token` undefined turns the dashboard off, as an unset WEB_ADMIN_TOKEN does. */
export async function dashboardApp(store: Store, now: () => Date, token: string | undefined) {
  const app: FastifyInstance = Fastify();
  await app.register(dashboardRoutes({ store, now, token }), { prefix: "/dashboard" });
  await app.ready();
  return app;
}

/** Logs in through the form and returns the session cookie ("name=value"). */
export async function login(app: FastifyInstance, token = TOKEN): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/dashboard/login",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ token }).toString(),
  });
  const cookie = String(res.headers["set-cookie"] ?? "");
  if (res.statusCode !== 303 || !cookie) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return cookie.split(";")[0] ?? "";
}
