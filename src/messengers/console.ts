import { createInterface } from "node:readline";
import { sourceLine } from "../answer/index.js";
import type { ChatCore } from "../chat/index.js";

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
      chatId: "console",
      userId: "console:user",
      isPrivate: true,
      text,
    });
    for (const r of replies) {
      const sources = (r.citations ?? []).slice(0, 1).map((c) => sourceLine(c, r.lang ?? "vi"));
      write(`${[r.text, ...sources].join("\n")}\n`);
    }
  }
  rl.close();
}
