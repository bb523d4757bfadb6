import { afterEach, expect } from "vitest";
import {
  type ChatCore,
  type ChatDeps,
  ChatCore as Core,
  type Feature,
  type Reply,
} from "../../src/chat/index.js";
import { createZalo, type Zalo, type ZaloOptions } from "../../src/messengers/zalo/index.js";
import { type BotMessage, type Chat, FakeZalo, type StartOptions } from "../support/fake-zalo/index.js";

// Shared set-up for the Zalo adapter tests: the real adapter (createZalo) against the fake Zalo Bot API.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** How long a test waits for the bot (wall clock; generous for a loaded machine, never asserted). */
export const WAIT = 15_000;

/** Runs `fn` after the current test (last registered runs first). */
export function onCleanup(fn: () => unknown): void {
  cleanups.push(fn);
}

/** A chat core with only `features` mounted (they never touch the engine). */
export function tinyChat(...features: Feature[]): ChatCore {
  return new Core({} as ChatDeps, features);
}

/** A test feature answering every message with `answer(text)`. */
export function answering(answer: (text: string) => Reply[] | null): Feature {
  return { name: "test", handle: async (turn) => answer(turn.msg.action ?? turn.args) };
}

/** A fake with two Vietnamese users and Lan's private chat; closed after the test. */
export async function startFake(options: StartOptions = {}) {
  const fake = await FakeZalo.start(options);
  onCleanup(async () => {
    expect(fake.internalErrors()).toEqual([]);
    await fake.close();
  });
  const lan = fake.createUser("Nguyễn Thị Lan");
  const minh = fake.createUser("Trần Minh");
  return { fake, lan, minh, dm: fake.privateChat(lan) };
}

/** createZalo against the fake, stopped after the test; `logs` collects what it reported. */
export async function adapter(fake: FakeZalo, chat: ChatCore, options: Partial<ZaloOptions> = {}) {
  const logs: string[] = [];
  const zalo: Zalo = await createZalo({
    token: fake.token,
    apiRoot: fake.apiRoot,
    chat,
    log: (line) => logs.push(line),
    pollSeconds: 2,
    ...options,
  });
  onCleanup(() => zalo.stop());
  return { zalo, logs };
}

/** A fake plus a started long-polling adapter. */
export async function polling(
  chat: ChatCore,
  options: Partial<ZaloOptions> = {},
  fakeOptions?: StartOptions,
) {
  const world = await startFake(fakeOptions);
  const { zalo, logs } = await adapter(world.fake, chat, options);
  await zalo.start();
  return { ...world, zalo, logs };
}

/**
 * Resolves once the bot has taken every update so far (it is back polling) and sent every reply to
 * them: past this point it has said all it will about them.
 */
export async function settled(fake: FakeZalo, zalo: Zalo): Promise<void> {
  await fake.idle();
  await zalo.idle();
}

/** Resolves with the bot's messages in `chat` once there are at least `n`. */
export function sentAtLeast(fake: FakeZalo, chat: Chat, n: number): Promise<BotMessage[]> {
  return fake.waitFor(() => fake.sent(chat).length >= n && fake.sent(chat), WAIT, `${n} message(s)`);
}
