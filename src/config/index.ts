import { z } from "zod";

/**
 * One schema for the environment. `parseConfig(env)` is pure: nothing reads `process.env` at
 * import time, and a bad value fails fast with a message naming the variable.
 */

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const whole = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: "custom",
          message: `must be a whole number from ${min} to ${max} (got '${v}')`,
        });
        return z.NEVER;
      }
      return n;
    });

const Schema = z.object({
  DATA_DIR: optional,
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_WEBHOOK_URL: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  PORT: whole(1, 65535),
  ZALO_BOT_TOKEN: optional,
  ZALO_API_ROOT: optional,
  ZALO_WEBHOOK_URL: optional,
  ZALO_WEBHOOK_SECRET: optional,
  LLM: optional.pipe(z.enum(["openai", "ollama"]).optional()),
  LLM_BASE_URL: optional,
  LLM_API_KEY: optional,
  LLM_MODEL: optional,
  LLM_TIMEOUT_MS: whole(1, 600_000),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  EMBEDDINGS: optional.pipe(z.enum(["local", "openai", "ollama"]).optional()),
  EMBEDDINGS_BASE_URL: optional,
  EMBEDDINGS_MODEL: optional,
  WEB_HOST: optional,
  // 0 = any free port (tests); the start-up line prints the one chosen.
  PORT_WEB: whole(0, 65535),
  WEB_ADMIN_TOKEN: optional,
  BOT_ADMINS: optional,
  BOT_TRAINERS: optional,
});

/** The parsed configuration the rest of the program receives. */
export interface Config {
  dataDir: string;
  corpusDir: string;
  env: z.output<typeof Schema>;
  /** Messengers with enough settings to start. */
  messengers: ("telegram" | "slack" | "zalo")[];
}

/** A configuration problem, worded for the person who set the variable. */
export class ConfigError extends Error {}

/** Parses env plus command-line options into a `Config`; throws `ConfigError` naming the variable. */
export function parseConfig(
  env: Record<string, string | undefined>,
  opts: { corpus?: string; data?: string } = {},
): Config {
  const parsed = Schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  const messengers: Config["messengers"] = [];
  if (e.TELEGRAM_BOT_TOKEN) messengers.push("telegram");
  if (e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) messengers.push("slack");
  if (e.ZALO_BOT_TOKEN) messengers.push("zalo");
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      "SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)",
    );
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      "TELEGRAM_WEBHOOK_URL is set: also set TELEGRAM_WEBHOOK_SECRET (checked on every update)",
    );
  }
  if (e.ZALO_WEBHOOK_URL && !e.ZALO_WEBHOOK_SECRET) {
    throw new ConfigError(
      "ZALO_WEBHOOK_URL is set: also set ZALO_WEBHOOK_SECRET (8–256 characters, checked on every update)",
    );
  }
  return {
    dataDir: opts.data ?? e.DATA_DIR ?? "./data",
    corpusDir: opts.corpus ?? "./corpus",
    env: e,
    messengers,
  };
}

/**
 * BOT_ADMINS / BOT_TRAINERS as a list: platform-prefixed user ids ("telegram:123 slack:U0ADMIN"),
 * separated by spaces, commas or semicolons.
 */
export function userIds(list: string | undefined): string[] {
  return (list ?? "").split(/[\s,;]+/).filter(Boolean);
}

/** The variables that turn on a messenger, for the "nothing configured" message. */
export const MESSENGER_VARIABLES = [
  "TELEGRAM_BOT_TOKEN (Telegram)",
  "SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN (Slack)",
  "ZALO_BOT_TOKEN (Zalo)",
];
