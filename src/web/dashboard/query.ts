/**
 * What a dashboard request asks for, validated: the page language (`?lang=`, else the browser's
 * `Accept-Language`, else Vietnamese) and the query values of the API, parsed with zod.
 */
import { z } from "zod";
import { isLocalDate } from "../../reminders/calendar/index.js";
import { IdSchema } from "../../reminders/index.js";
import { isLang, LANGS, type Lang } from "../../text/index.js";

/** The first supported language in an `Accept-Language` header, by quality; null when none. */
export function langFromHeader(header: string | undefined): Lang | null {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLang) ?? null;
}

const Day = z.string().refine(isLocalDate);

/** Query values the routes accept; each field's example is what the 400 message suggests. */
export const QuerySchema = z.object({
  lang: z.enum(LANGS).optional(),
  deadline: IdSchema.optional(),
  from: Day.optional(),
  until: Day.optional(),
  days: z.coerce.number().int().min(1).max(366).optional(),
});

/** A parsed query. */
export type Query = z.infer<typeof QuerySchema>;

/** What to suggest for each field in the "bad value" message. */
export const EXAMPLES: Record<keyof Query, string> = {
  lang: "lang=vi (vi, en, fr, ja)",
  deadline: "deadline=bc-thang",
  from: "from=2025-01-31",
  until: "until=2025-12-31",
  days: "days=90 (1–366)",
};

/** The parsed query, or the first field that is wrong. */
export function parseQuery(raw: unknown): { ok: true; query: Query } | { ok: false; field: keyof Query } {
  const parsed = QuerySchema.safeParse(raw ?? {});
  if (parsed.success) {
    const q = parsed.data;
    if (q.from && q.until && q.from > q.until) return { ok: false, field: "until" };
    return { ok: true, query: q };
  }
  const field = String(parsed.error.issues[0]?.path[0] ?? "lang") as keyof Query;
  return { ok: false, field: field in EXAMPLES ? field : "lang" };
}

/** The language of a request: a valid `?lang=`, else the browser's, else Vietnamese. */
export function requestLang(query: unknown, acceptLanguage: string | undefined): Lang {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  return isLang(asked) ? asked : (langFromHeader(acceptLanguage) ?? "vi");
}
