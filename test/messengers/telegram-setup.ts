import { afterEach, expect } from "vitest";
import {
  type ChatCore,
  type ChatDeps,
  ChatCore as Core,
  createChat,
  type Feature,
  type Inbound,
  MemoryAnswerLog,
  type Reply,
} from "../../src/chat/index.js";
import { createTelegram, type Telegram, type TelegramOptions } from "../../src/messengers/telegram/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeTelegram, type StartOptions } from "../support/fake-telegram/index.js";

// Shared set-up for the Telegram adapter tests: the real grammY Bot (inside createTelegram) against
// the fake Bot API server, with either the real chat core over the seed corpus or a tiny test core.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** How long a test waits for the bot (wall clock; generous for a loaded CI machine, never asserted). */
export const WAIT = 10_000;

/** Runs `fn` after the current test (last registered runs first). */
export function onCleanup(fn: () => unknown): void {
  cleanups.push(fn);
}

/** The real chat core over the seed corpus, with an in-memory answer log (full-passage and 👍/👎 buttons). */
export async function realChat(): Promise<ChatCore> {
  const engine = await engineFor(SEED_CORPUS);
  return createChat({ index: engine.index, answerer: engine.answerer, answers: new MemoryAnswerLog() });
}

/**
 * A chat core with only `feature` mounted. Test features never touch the engine, so its dependencies
 * are left empty.
 */
export function tinyChat(...features: Feature[]): ChatCore {
  return new Core({} as ChatDeps, features);
}

/** A test feature that records every Inbound it is offered and answers with `answer(msg)` (null: pass). */
export function recorder(answer: (msg: Inbound) => Reply[] | null | Promise<Reply[] | null>) {
  const seen: Inbound[] = [];
  const feature: Feature = {
    name: "test",
    async handle(turn) {
      seen.push(turn.msg);
      return answer(turn.msg);
    },
  };
  return { seen, feature };
}

/** A fake server with two Vietnamese users; closed after the test (asserting the fake had no bug). */
export async function startFake(options: StartOptions = {}) {
  const fake = await FakeTelegram.start(options);
  onCleanup(async () => {
    expect(fake.internalErrors()).toEqual([]);
    await fake.close();
  });
  const lan = fake.createUser({ first_name: "Lan", username: "lan_nguyen", language_code: "vi" });
  const minh = fake.createUser({ first_name: "Minh", last_name: "Trần", language_code: "de" });
  return { fake, lan, minh, dm: fake.privateChat(lan) };
}

/** createTelegram against the fake, stopped after the test; `logs` collects what it reported. */
export async function adapter(
  fake: FakeTelegram,
  chat: ChatCore,
  options: Partial<TelegramOptions> = {},
): Promise<{ tg: Telegram; logs: string[] }> {
  const logs: string[] = [];
  const tg = await createTelegram({
    token: fake.token,
    apiRoot: fake.apiRoot,
    chat,
    log: (line) => logs.push(line),
    ...options,
  });
  onCleanup(() => tg.stop());
  return { tg, logs };
}

/** A fake plus a started long-polling adapter. */
export async function polling(
  chat: ChatCore,
  options: Partial<TelegramOptions> = {},
  fakeOptions?: StartOptions,
) {
  const world = await startFake(fakeOptions);
  const { tg, logs } = await adapter(world.fake, chat, options);
  await tg.start();
  return { ...world, tg, logs };
}

/**
 * Resolves once every queued update has been confirmed. grammY confirms an update with its next
 * getUpdates, which it only sends after the handler finished: past this point the bot has said
 * everything it was going to say about the updates so far.
 */
export function settled(fake: FakeTelegram): Promise<true> {
  return fake.waitFor(() => fake.pendingUpdates().length === 0, WAIT, "updates confirmed");
}
