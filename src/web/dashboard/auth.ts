/**
 * Who may see the dashboard: whoever presents `WEB_ADMIN_TOKEN`, either as `Authorization: Bearer`
 * or through the session cookie the login form sets. The cookie holds an HMAC of the token, not the
 * token; every comparison hashes both sides first so `timingSafeEqual` compares equal lengths in
 * constant time.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The session cookie's name. */
export const COOKIE = "cadre_dashboard";

/** Twelve hours: a working day, after which the login form is shown again. */
const MAX_AGE_S = 12 * 3600;

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** True when `given` equals `secret`, compared in constant time whatever their lengths. */
export function sameSecret(given: string, secret: string): boolean {
  return timingSafeEqual(digest(given), digest(secret));
}

/** The cookie value a correct login earns: changes whenever the token changes. */
export function sessionValue(token: string): string {
  return createHmac("sha256", token).update("cadre-dashboard-session/1").digest("base64url");
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** `Set-Cookie` for a session (HttpOnly, SameSite=Strict, scoped to the dashboard's path). */
export function sessionCookie(token: string, path: string): string {
  return `${COOKIE}=${sessionValue(token)}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_S}`;
}

/** `Set-Cookie` that ends the session. */
export function clearCookie(path: string): string {
  return `${COOKIE}=; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** How a request presented itself: no credentials, wrong ones, or the right ones. */
export type Access = "none" | "wrong" | "ok";

/** Checks the bearer token first (API clients), then the session cookie (the browser). */
export function accessOf(headers: { authorization?: string; cookie?: string }, token: string): Access {
  const auth = headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m?.[1] && sameSecret(m[1], token) ? "ok" : "wrong";
  }
  const cookie = readCookie(headers.cookie, COOKIE);
  if (cookie === null || cookie === "") return "none";
  return sameSecret(cookie, sessionValue(token)) ? "ok" : "wrong";
}
