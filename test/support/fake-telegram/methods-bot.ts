import type { Core } from "./core.js";
import { badRequest, webhookActive } from "./errors.js";
import type { Params } from "./params.js";
import type { BotCommand, BotUser, Update, WebhookInfo } from "./types.js";

/** A result that Telegram sends together with a `description` (setWebhook, deleteWebhook). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

/** `getMe`. */
export function getMe(core: Core): BotUser {
  return core.world.bot;
}

function readAllowedUpdates(p: Params): string[] | undefined {
  const value = p.json("allowed_updates", "allowed_updates JSON object");
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw badRequest("can't parse allowed_updates JSON object");
  }
  return value as string[];
}

/** `getUpdates`: long polling per Telegram's rules (see UpdateQueue). */
export function getUpdates(core: Core, p: Params, signal: AbortSignal): Promise<Update[]> {
  if (core.webhook) throw webhookActive();
  const limit = Math.min(100, Math.max(1, p.int("limit") ?? 100));
  const timeoutSeconds = Math.max(0, p.int("timeout") ?? 0);
  const request: Parameters<Core["queue"]["poll"]>[0] = { limit, timeoutSeconds };
  const offset = p.int("offset");
  if (offset !== undefined) request.offset = offset;
  const allowed = readAllowedUpdates(p);
  if (allowed !== undefined) request.allowedUpdates = allowed;
  return core.queue.poll(request, signal);
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

/**
 * `setWebhook`. Telegram demands HTTPS on ports 443/80/88/8443; the fake also accepts plain HTTP on
 * loopback so tests can serve the webhook from a local node:http server.
 */
export function setWebhook(core: Core, p: Params): Described {
  const url = p.str("url") ?? "";
  if (url === "") return deleteWebhook(core, p);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopback(parsed.hostname))) {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  const secret = p.str("secret_token");
  if (secret !== undefined && secret !== "" && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const maxConnections = p.int("max_connections") ?? 40;
  if (p.bool("drop_pending_updates")) core.queue.clear();
  core.queue.setAllowed(readAllowedUpdates(p));
  const same = core.webhook?.url === url && (core.webhook.secretToken ?? "") === (secret ?? "");
  core.webhook = { url, maxConnections };
  if (secret) core.webhook.secretToken = secret;
  core.queue.interrupt(webhookActive());
  core.kickWebhook();
  core.changed();
  return new Described(true, same ? "Webhook is already set" : "Webhook was set");
}

/** `deleteWebhook` (grammY calls it before long polling starts). */
export function deleteWebhook(core: Core, p: Params): Described {
  if (p.bool("drop_pending_updates")) core.queue.clear();
  const had = core.webhook !== undefined;
  core.webhook = undefined;
  core.changed();
  return new Described(true, had ? "Webhook was deleted" : "Webhook is already deleted");
}

/** `getWebhookInfo`, including the last delivery error like Telegram reports it. */
export function getWebhookInfo(core: Core): WebhookInfo {
  const hook = core.webhook;
  const info: WebhookInfo = {
    url: hook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: core.queue.list().length,
  };
  if (hook) {
    info.max_connections = hook.maxConnections;
    info.ip_address = "127.0.0.1";
    if (hook.lastErrorDate !== undefined) info.last_error_date = hook.lastErrorDate;
    if (hook.lastErrorMessage !== undefined) info.last_error_message = hook.lastErrorMessage;
    const allowed = core.queue.allowedUpdates();
    if (allowed) info.allowed_updates = allowed as NonNullable<WebhookInfo["allowed_updates"]>;
  }
  return info;
}

const SCOPE_TYPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** The storage key of a (scope, language_code) pair; commands are kept per pair, as Telegram does. */
export function commandsKey(scope: unknown, languageCode: string): string {
  const s = (scope ?? { type: "default" }) as Record<string, unknown>;
  const parts = [s.type, s.chat_id, s.user_id].filter((x) => x !== undefined).map(String);
  return `${parts.join(":")}|${languageCode}`;
}

function readScopeKey(core: Core, p: Params): string {
  const scope = p.json("scope", "BotCommandScope") as Record<string, unknown> | undefined;
  if (scope !== undefined) {
    if (typeof scope !== "object" || scope === null || !SCOPE_TYPES.has(String(scope.type))) {
      throw badRequest("unsupported bot command scope type");
    }
    if (scope.type === "chat" || scope.type === "chat_administrators" || scope.type === "chat_member") {
      const state = core.world.resolve(scope.chat_id as number | string);
      scope.chat_id = state.chat.id;
      if (scope.type === "chat_member" && !state.members.has(Number(scope.user_id))) {
        throw badRequest("user not found");
      }
    }
  }
  const language = p.str("language_code") ?? "";
  if (language !== "" && !/^[a-z]{2}$/.test(language)) throw badRequest("invalid language code specified");
  return commandsKey(scope, language);
}

function readCommands(p: Params): BotCommand[] {
  const raw = p.json("commands", "commands JSON object");
  if (!Array.isArray(raw)) throw badRequest("can't parse commands JSON object");
  if (raw.length > 100) throw badRequest("too many commands specified");
  return raw.map((item) => {
    if (typeof item !== "object" || item === null) throw badRequest("can't parse BotCommand");
    const { command, description } = item as Record<string, unknown>;
    if (typeof command !== "string" || typeof description !== "string")
      throw badRequest("can't parse BotCommand");
    // tdlib trims and drops a leading "/"; the server then allows only [a-z0-9_]
    const name = command.trim().replace(/^\//, "");
    if (name === "") throw badRequest("command must be non-empty");
    if ([...name].length > 32) throw badRequest("command length must not exceed 32");
    if (!/^[a-z0-9_]+$/.test(name)) throw badRequest("BOT_COMMAND_INVALID");
    const text = description.trim();
    if (text === "") throw badRequest("command description must be non-empty");
    if ([...text].length > 256) throw badRequest("command description length must not exceed 256");
    return { command: name, description: text };
  });
}

/** `setMyCommands`: one list per scope and language; an empty list deletes it. */
export function setMyCommands(core: Core, p: Params): true {
  const commands = readCommands(p);
  const key = readScopeKey(core, p);
  if (commands.length === 0) core.commands.delete(key);
  else core.commands.set(key, commands);
  core.changed();
  return true;
}

/** `getMyCommands`: exactly the list of that scope and language (no fallback, like Telegram). */
export function getMyCommands(core: Core, p: Params): BotCommand[] {
  return core.commands.get(readScopeKey(core, p)) ?? [];
}

/** `deleteMyCommands`. */
export function deleteMyCommands(core: Core, p: Params): true {
  core.commands.delete(readScopeKey(core, p));
  core.changed();
  return true;
}
