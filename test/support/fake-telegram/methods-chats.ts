import type { Core } from "./core.js";
import { badRequest } from "./errors.js";
import type { Params } from "./params.js";
import type { ChatFullInfo, ChatMember } from "./types.js";
import type { Member } from "./world.js";

/** `getChat`: the chat with the few full-info fields every chat has. */
export function getChat(core: Core, p: Params): ChatFullInfo {
  const state = core.world.resolve(p.chatId());
  return {
    ...state.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  } as ChatFullInfo;
}

/** A member as the Bot API shows it; administrators get the usual default rights. */
export function memberObject(member: Member): ChatMember {
  const user = member.user;
  switch (member.status) {
    case "creator":
      return { status: "creator", user, is_anonymous: false };
    case "administrator":
      return {
        status: "administrator",
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
        can_manage_topics: false,
      } as ChatMember;
    case "kicked":
      return { status: "kicked", user, until_date: 0 };
    case "left":
      return { status: "left", user };
    default:
      return { status: "member", user };
  }
}

/** `getChatMember`: unknown users of a known chat are reported as "left", as Telegram does. */
export function getChatMember(core: Core, p: Params): ChatMember {
  const state = core.world.resolve(p.chatId());
  const userId = p.int("user_id");
  if (userId === undefined) throw badRequest("user_id is empty");
  const member = state.members.get(userId);
  if (member) return memberObject(member);
  const user = core.world.users.get(userId);
  if (!user) throw badRequest("user not found");
  return { status: "left", user };
}

/** `getChatAdministrators`: the creator and administrators (bots included). */
export function getChatAdministrators(core: Core, p: Params): ChatMember[] {
  const state = core.world.resolve(p.chatId());
  if (state.chat.type === "private") throw badRequest("there are no administrators in the private chat");
  return [...state.members.values()]
    .filter((m) => m.status === "creator" || m.status === "administrator")
    .map(memberObject);
}

/** `getChatMemberCount`. */
export function getChatMemberCount(core: Core, p: Params): number {
  const state = core.world.resolve(p.chatId());
  return [...state.members.values()].filter((m) => m.status !== "left" && m.status !== "kicked").length;
}
