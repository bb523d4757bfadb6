import type { FastifyPluginAsync } from "fastify";
import { t } from "../i18n/index.js";
import { isLang } from "../text/index.js";

/**
 * The chat page's own words (`web.page.*` in locales/*.yaml), served as JSON: the page asks for
 * the browser's language and falls back to Vietnamese.
 */

/** The keys under `web.page` the page uses. */
export const PAGE_KEYS = [
  "title",
  "chat",
  "documents",
  "dashboard",
  "intro",
  "nameLabel",
  "namePlaceholder",
  "roomLabel",
  "enter",
  "textPlaceholder",
  "send",
  "unitLabel",
  "unitNone",
  "unitPick",
  "bot",
  "you",
  "privateNote",
  "countdown",
  "timeUp",
  "offline",
  "changeRoom",
] as const;

/** `GET /phrases?lang=xx`: `{ lang, phrases }`. */
export const phrasesRoutes: FastifyPluginAsync = async (api) => {
  api.get("/phrases", async (req) => {
    const wanted = (req.query as { lang?: unknown }).lang;
    const lang = isLang(wanted) ? wanted : "vi";
    return { lang, phrases: Object.fromEntries(PAGE_KEYS.map((k) => [k, t(lang, `web.page.${k}`)])) };
  });
};
