import { createInterface } from "node:readline";
import { sourceLine } from "../answer/index.js";
import type { ChatCore, Outbox, Reply } from "../chat/index.js";

/** The console's one conversation: proactive messages (a quiz's questions) go here too. */
export const CONSOLE_CHAT_ID = "console";

function render(r: Reply): string {
  const sources = (r.citations ?? []).slice(0, 1).map((c) => sourceLine(c, r.lang ?? "vi"));
  return `${[r.text, ...sources].join("\n")}\n`;
}

/**
 * Proactive messages in the console chat: a quiz's questions arrive as text with numbered options
 * (the user answers by typing the number), then the answer and the results.
 */
export function createConsoleOutbox(output: NodeJS.WritableStream = process.stdout): Outbox {
  let n = 0;
  return {
    messenger: "console",
    async send(_to, reply) {
      output.write(`${render(reply)}\n`);
      return { messageIds: [String(++n)] };
    },
  };
}

/**
 * The console chat: a terminal conversation with the same chat core and commands as a messenger
 * (a private chat with one user). Ends on EOF or /quit.
 */
export async function runConsoleChat(
  chat: ChatCore,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; prompt?: boolean } = {
    input: process.stdin,
    output: process.stdout,
  },
): Promise<void> {
  const rl = createInterface({
    input: io.input,
    output: io.prompt === false ? undefined : io.output,
    terminal: false,
  });
  const write = (s: string) => io.output.write(`${s}\n`);
  if (io.prompt !== false) write("cadre-bot — gõ câu hỏi, /help để xem hướng dẫn, /quit để thoát.");
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (!text) continue;
    const replies = await chat.handle({
      messenger: "console",
      chatId: CONSOLE_CHAT_ID,
      userId: "console:user",
      isPrivate: true,
      text,
    });
    for (const r of replies) write(render(r));
  }
  rl.close();
}
