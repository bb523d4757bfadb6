/**
 * The shapes reminders accept from outside (YAML files, chat commands), as zod schemas, and the
 * small helpers that turn them into store records: ids, chat references, unit look-up by alias.
 */
import { z } from "zod";
import type { MessengerName } from "../chat/types.js";
import type { ChatRef, UnitRecord } from "../store/index.js";
import { fold, LANGS } from "../text/index.js";
import { DEFAULT_ZONE, isLocalDate, isValidZone, PlanConfigSchema, RuleSchema } from "./calendar/index.js";

/** Unit and deadline ids: short so that button actions stay within Telegram's 64 bytes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,19}$/;

/** A unit or deadline id. */
export const IdSchema = z
  .string()
  .regex(
    ID_PATTERN,
    "expected a short id: lower-case letters, digits and dashes, at most 20, e.g. so-noi-vu",
  );

/** The messengers a chat reference may name (the chat core's `MessengerName`). */
export const MESSENGERS = [
  "telegram",
  "slack",
  "zalo",
  "console",
  "web",
] as const satisfies readonly MessengerName[];

const CHAT_SPEC = /^(telegram|slack|zalo|console|web):([^\s#]+)(?:#(\S+))?$/;

/** Reads "telegram:-1001234", "slack:C0123" or "slack:C0123#1700000000.000100" (with a thread); null if malformed. */
export function parseChatSpec(spec: string): ChatRef | null {
  const m = CHAT_SPEC.exec(spec.trim());
  if (!m?.[1] || !m[2]) return null;
  return m[3] ? { messenger: m[1], chatId: m[2], threadId: m[3] } : { messenger: m[1], chatId: m[2] };
}

/** A chat reference in its short written form (the inverse of `parseChatSpec`). */
export function chatSpec(chat: ChatRef): string {
  return `${chat.messenger}:${chat.chatId}${chat.threadId ? `#${chat.threadId}` : ""}`;
}

/** A chat as YAML writes it: "messenger:chatId[#threadId]" or {messenger, chatId, threadId?}. */
export const ChatSchema = z.union([
  z.string().transform((s, ctx) => {
    const chat = parseChatSpec(s);
    if (!chat) {
      ctx.addIssue({
        code: "custom",
        message: `expected "messenger:chatId", e.g. "telegram:-1001234567", got "${s}"`,
      });
      return z.NEVER;
    }
    return chat;
  }),
  z.strictObject({
    messenger: z.enum(MESSENGERS),
    chatId: z.string().min(1),
    threadId: z.string().min(1).optional(),
  }),
]);

/** A unit as declared in `units.yaml` or added by a chat command. */
export const UnitInputSchema = z.strictObject({
  id: IdSchema,
  name: z.string().trim().min(1, "the unit needs a name (in Vietnamese)"),
  aliases: z.array(z.string().trim().min(1)).default([]),
  parent: IdSchema.optional(),
  lang: z.enum(LANGS).optional(),
  chats: z.array(ChatSchema).default([]),
});
/** A validated unit input. */
export type UnitInput = z.output<typeof UnitInputSchema>;

/** A deadline as declared in `deadlines.yaml` or added by a chat command; units by id or alias. */
export const DeadlineInputSchema = z.strictObject({
  id: IdSchema,
  title: z.string().trim().min(1, "the deadline needs a title: what is to be reported"),
  docNumber: z.string().trim().min(1).optional(),
  task: z.number().int().positive().optional(),
  quote: z.string().optional(),
  units: z.array(z.string().trim().min(1)).min(1, "list at least one unit that owes the report"),
  recipient: z.string().trim().min(1).optional(),
  rule: RuleSchema,
  zone: z
    .string()
    .refine(isValidZone, "expected an IANA time zone, e.g. Asia/Ho_Chi_Minh")
    .default(DEFAULT_ZONE),
  shiftToWorkingDay: z.boolean().default(true),
  plan: PlanConfigSchema.partial().default({}),
  startsOn: z.string().refine(isLocalDate, "expected a YYYY-MM-DD date").optional(),
  active: z.boolean().default(true),
});
/** A validated deadline input (unit references not yet resolved). */
export type DeadlineInput = z.output<typeof DeadlineInputSchema>;

/**
 * Finds a unit by id, name or alias, ignoring case and Vietnamese diacritics ("so noi vu" finds
 * "Sở Nội vụ"). Null when nothing matches or the text names two units.
 */
export function findUnit(units: readonly UnitRecord[], text: string): UnitRecord | null {
  const wanted = fold(text.trim());
  const exact = units.find((u) => u.id === text.trim());
  if (exact) return exact;
  const hits = units.filter((u) => [u.name, ...u.aliases].some((n) => fold(n) === wanted));
  return hits.length === 1 ? (hits[0] ?? null) : null;
}
