import { z } from "zod";
import { t } from "../../i18n/index.js";
import { isLang, LANGS, type Lang } from "../../text/index.js";

/**
 * What the page may send, checked before anything reaches the chat core: everything from a browser
 * is untrusted. A failed check names the phrase key (`web.error.*`) that tells the user what to
 * type instead.
 */

/** Most characters in one message typed in the page (a long question fits; a pasted document does not). */
export const MAX_TEXT = 2000;
/** Most characters in a display name. */
export const MAX_NAME = 40;

const key = (k: string) => `web.error.${k}`;

/** A room name: letters, digits, "-" and "_", at most 32; compared in lower case ("Chung" = "chung"). */
export const RoomSchema = z
  .string({ error: key("badRoom") })
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}_-]{1,32}$/u, { error: key("badRoom") });

/** The page's own random id for this browser (kept in localStorage), never shown to others. */
export const UserSchema = z.string({ error: key("badUser") }).regex(/^[A-Za-z0-9_-]{8,64}$/, {
  error: key("badUser"),
});

/** A display name: not empty, no control characters. */
export const NameSchema = z
  .string({ error: key("missingName") })
  .trim()
  .min(1, { error: key("missingName") })
  .max(MAX_NAME, { error: key("longName") })
  .regex(/^[^\p{Cc}]*$/u, { error: key("badName") });

const LangSchema = z.enum(LANGS).optional();

const Who = { room: RoomSchema, user: UserSchema, name: NameSchema, lang: LangSchema };

/** A message typed in the page. */
export const MessageBody = z.object({
  ...Who,
  text: z
    .string({ error: key("emptyText") })
    .trim()
    .min(1, { error: key("emptyText") })
    .max(MAX_TEXT, { error: key("longText") }),
});

/** A button pressed in the page: the action must be one the bot sent to this room (checked by the route). */
export const ActionBody = z.object({
  ...Who,
  action: z
    .string({ error: key("unknownAction") })
    .min(1, { error: key("unknownAction") })
    .max(64, {
      error: key("unknownAction"),
    }),
});

/** Entering a room (the first to enter owns it). */
export const JoinBody = z.object(Who);

/** Picking the unit whose reminders the room receives. */
export const UnitBody = z.object({
  ...Who,
  unit: z
    .string({ error: key("unknownUnit") })
    .min(1, { error: key("unknownUnit") })
    .max(60, {
      error: key("unknownUnit"),
    }),
});

/** The room and user of an events stream (query string). */
export const EventsQuery = z.object({ room: RoomSchema, user: UserSchema });

/** The room whose units are listed (query string). */
export const UnitsQuery = z.object({ room: RoomSchema });

/** The error body: the Vietnamese phrase first, then the page's language when it is another. */
export function errorBody(code: string, lang?: unknown): { error: string; code: string } {
  const k = code.startsWith("web.error.") ? code : key(code);
  const vi = t("vi", k);
  const other = isLang(lang) && lang !== "vi" ? t(lang as Lang, k) : null;
  return { error: other ? `${vi} / ${other}` : vi, code: k.slice("web.error.".length) };
}

/** Parses `data` with `schema`; on failure, the phrase key of the first problem. */
export function check<T>(
  schema: z.ZodType<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; key: string } {
  const r = schema.safeParse(data ?? {});
  if (r.success) return { ok: true, value: r.data };
  const message = r.error.issues[0]?.message ?? "";
  return { ok: false, key: message.startsWith("web.error.") ? message : key("badRequest") };
}
