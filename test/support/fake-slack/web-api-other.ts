import { randomUUID } from "node:crypto";
import { validateBlocks } from "./blocks.js";
import { bool, jsonParam, str } from "./params.js";
import { fail, invalidArguments, type MethodHandler, ok } from "./reply.js";
import type { Json, SlackChannel } from "./types.js";
import type { Workspace } from "./workspace.js";

const authTest: MethodHandler = ({ ws }) => {
  const { teamId, teamDomain, botUserId, botId, botName, apiAppId } = ws.identity;
  return ok({
    url: `https://${teamDomain}.slack.com/`,
    team: teamDomain,
    user: botName,
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    app_id: apiAppId,
    is_enterprise_install: false,
  });
};

/** A conversation as conversations.info describes it (the flags Slack derives from its kind). */
function channelView(ws: Workspace, c: SlackChannel): Json {
  return {
    id: c.id,
    name: c.name,
    is_channel: c.kind === "public",
    is_group: c.kind === "private",
    is_im: c.kind === "im",
    is_mpim: c.kind === "mpim",
    is_private: c.kind !== "public",
    is_archived: c.is_archived,
    is_general: c.name === "general",
    is_member: ws.botIsMember(c),
    ...(c.kind === "im" ? { user: c.user } : { num_members: c.members.length }),
  };
}

/** A conversation the bot can see: private ones it is not in do not exist for it. */
function visibleChannel(ws: Workspace, id: string | undefined): SlackChannel | undefined {
  const channel = id ? ws.channels.get(id) : undefined;
  if (!channel) return undefined;
  if (channel.kind !== "public" && !ws.botIsMember(channel)) return undefined;
  return channel;
}

const conversationsInfo: MethodHandler = ({ ws, params }) => {
  const channel = visibleChannel(ws, str(params, "channel"));
  return channel ? ok({ channel: channelView(ws, channel) }) : fail("channel_not_found");
};

/** Cursor pagination as Slack does it: opaque cursor, empty `next_cursor` on the last page. */
const conversationsMembers: MethodHandler = ({ ws, params }) => {
  const channel = visibleChannel(ws, str(params, "channel"));
  if (!channel) return fail("channel_not_found");
  const limit = Math.max(1, Math.min(1000, Number(str(params, "limit") ?? 100) || 100));
  const cursor = str(params, "cursor");
  const start = cursor ? Number(Buffer.from(cursor, "base64").toString("utf8").replace("offset:", "")) : 0;
  if (!Number.isInteger(start) || start < 0) return fail("invalid_cursor");
  const members = channel.members.slice(start, start + limit);
  const more = start + limit < channel.members.length;
  const next = more ? Buffer.from(`offset:${start + limit}`).toString("base64") : "";
  return ok({ members, response_metadata: { next_cursor: next } });
};

const usersInfo: MethodHandler = ({ ws, params }) => {
  const user = ws.users.get(str(params, "user") ?? "");
  if (!user) return fail("user_not_found");
  const { locale, ...rest } = user;
  return ok({
    user: {
      ...rest,
      team_id: ws.identity.teamId,
      deleted: false,
      profile: { real_name: user.real_name, display_name: user.name },
      // Slack includes the locale only when asked with include_locale=true.
      ...(bool(params, "include_locale") ? { locale } : {}),
    },
  });
};

const reactionsAdd: MethodHandler = ({ ws, params }) => {
  const name = str(params, "name");
  const channel = str(params, "channel");
  const timestamp = str(params, "timestamp");
  if (!channel || !timestamp) return fail("no_item_specified");
  if (!name || !/^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/.test(name)) return fail("invalid_name");
  if (!visibleChannel(ws, channel)) return fail("channel_not_found");
  const message = ws.findMessage(channel, timestamp);
  if (!message) return fail("message_not_found");
  const user = ws.identity.botUserId;
  message.reactions ??= [];
  const reactions = message.reactions;
  const existing = reactions.find((r) => r.name === name);
  if (existing?.users.includes(user)) return fail("already_reacted");
  if (existing) {
    existing.users.push(user);
    existing.count += 1;
  } else reactions.push({ name, users: [user], count: 1 });
  return ok();
};

const viewsOpen: MethodHandler = ({ ws, params }) => {
  const triggerId = str(params, "trigger_id");
  if (!triggerId) return invalidArguments("missing required field: trigger_id");
  const parsed = jsonParam(params, "view");
  const view = parsed.ok ? parsed.value : undefined;
  if (typeof view !== "object" || view === null) return invalidArguments("missing required field: view");
  const v = view as Json;
  const problems: string[] = [];
  if (v.type !== "modal") problems.push("must be one of modal [json-pointer:/view/type]");
  const title = v.title as Json | undefined;
  if (typeof title?.text !== "string") problems.push("missing required field: title [json-pointer:/view]");
  else if (title.text.length > 24)
    problems.push("must be less than 25 characters [json-pointer:/view/title/text]");
  problems.push(
    ...validateBlocks(v.blocks, "view").map((e) => e.replace("[json-pointer:", "[json-pointer:/view")),
  );
  if (problems.length > 0) return invalidArguments(...problems);
  const error = ws.useTrigger(triggerId);
  if (error) return fail(error);
  const id = `V${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`;
  const { teamId, apiAppId, botId } = ws.identity;
  return ok({
    view: {
      ...v,
      id,
      team_id: teamId,
      app_id: apiAppId,
      bot_id: botId,
      state: { values: {} },
      hash: `${ws.now()}`,
    },
  });
};

const connectionsOpen: MethodHandler = ({ openSocketUrl }) => ok({ url: openSocketUrl() });

/** Methods other than chat.*; each listed here is one the product is expected to call. */
export const otherMethods: Record<string, MethodHandler> = {
  "auth.test": authTest,
  "conversations.info": conversationsInfo,
  "conversations.members": conversationsMembers,
  "users.info": usersInfo,
  "reactions.add": reactionsAdd,
  "views.open": viewsOpen,
  "apps.connections.open": connectionsOpen,
};
