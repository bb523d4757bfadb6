import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quizFeature } from "../../src/chat/features/quiz.js";
import { ChatCore, FEATURES, type MessengerName, type Outbox } from "../../src/chat/index.js";
import { createQuizRunner, parseStoredQuestion, trainersFrom } from "../../src/quiz/index.js";
import { openDatabase } from "../../src/store/index.js";
import { createSqliteQuizStore } from "../../src/store/quiz-sqlite.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { type BotMessage, ManualClock, type User } from "../support/fake-telegram/index.js";
import { onCleanup, polling, settled, WAIT } from "./telegram-setup.js";

// A whole 5-question quiz in a Telegram group: the real grammY Bot (createTelegram) against the fake
// Bot API, the real chat core with the quiz feature, the SQLite quiz store, and one manual clock that
// drives both the quiz's timers and the fake's poll expiry (open_period).

async function quizWorld() {
  const clock = new ManualClock();
  const dir = mkdtempSync(path.join(tmpdir(), "cadre-quiz-tg-"));
  const { db } = openDatabase(path.join(dir, "cadre.db"));
  onCleanup(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const store = createSqliteQuizStore(db);
  const outboxes = new Map<MessengerName, Outbox>();
  const logs: string[] = [];
  let trainer = "";
  const runner = createQuizRunner({
    store,
    outboxes,
    clock,
    startDelayMs: 2000,
    gapMs: 3000,
    isTrainer: (msg) => trainersFrom(trainer)(msg),
    log: (line) => logs.push(line),
  });
  onCleanup(() => runner.shutdown());
  const engine = await engineFor(SEED_CORPUS);
  const chat = new ChatCore({ index: engine.index, answerer: engine.answerer }, [
    quizFeature(runner),
    ...FEATURES,
  ]);
  const world = await polling(chat, {}, { clock });
  outboxes.set("telegram", world.tg.outbox);
  const hoa = world.fake.createUser({ first_name: "Hoa", language_code: "vi" });
  const group = world.fake.createGroup({ title: "Lớp bồi dưỡng", members: [world.lan, world.minh, hoa] });
  trainer = `telegram:${world.lan.id}`;
  return { ...world, clock, store, runner, hoa, group, logs };
}

type World = Awaited<ReturnType<typeof quizWorld>>;

/** Waits for the k-th poll in the group and for the runner to have recorded it. */
async function poll(w: World, k: number): Promise<BotMessage> {
  const polls = await w.fake.waitFor(
    () => {
      const list = w.fake.sent(w.group).filter((m) => m.message.poll);
      return list.length >= k && list;
    },
    WAIT,
    `poll ${k}`,
  );
  const message = polls[k - 1];
  if (!message?.message.poll) throw new Error("no poll");
  const id = message.message.poll.id;
  await w.fake.waitFor(() => w.store.questionByPoll(id)?.sentAt != null, WAIT, "poll recorded");
  return message;
}

/** The right option of a poll, and a wrong one. */
function options(w: World, message: BotMessage): { right: number; wrong: number } {
  const p = w.fake.poll(message);
  const right = p.correct_option_ids?.[0] ?? -1;
  return { right, wrong: (right + 1) % p.options.length };
}

/** `user` votes `choice` at `at` ms after the question was sent (time moves to then first). */
async function voteAt(
  w: World,
  message: BotMessage,
  elapsed: { now: number },
  at: number,
  user: User,
  choice: number[],
) {
  w.clock.advance(at - elapsed.now);
  elapsed.now = at;
  expect(w.fake.vote(message, user, choice)).toEqual({ accepted: true });
  await settled(w.fake);
}

describe("a quiz in a Telegram group", () => {
  it("refuses /quiz start from someone who is neither trainer nor administrator", async () => {
    const w = await quizWorld();
    w.fake.userSends(w.group, w.minh, "/quiz start 3 20");
    const [reply] = await w.fake.waitFor(() => w.fake.sent(w.group).length > 0 && w.fake.sent(w.group), WAIT);
    expect(reply?.text).toContain("Chỉ huấn luyện viên");
    expect(w.store.running()).toEqual([]);
  });

  it("runs 5 native quiz polls, scores changed and retracted votes, and ends with the right leaderboard", async () => {
    const w = await quizWorld();
    const { lan, minh, hoa } = w;
    w.fake.userSends(w.group, lan, "/quiz start 5 câu 30 giây");
    const [announce] = await w.fake.waitFor(
      () => w.fake.sent(w.group).length > 0 && w.fake.sent(w.group),
      WAIT,
    );
    expect(announce?.text).toContain("5 câu hỏi, mỗi câu 30 giây");
    const session = w.store.running()[0];
    if (!session) throw new Error("no quiz running");
    const stored = w.store.questions(session.id).map((q) => parseStoredQuestion(q.payload));

    // Each question: [user, [elapsed ms, choice]...]; "R" right, "W" wrong, "-" retract.
    const script: [User, number, "R" | "W" | "-"][][] = [
      [
        [lan, 3000, "R"],
        [minh, 5000, "W"],
        [minh, 8000, "R"],
        [hoa, 10_000, "R"],
      ], // minh changes his vote
      [
        [lan, 2000, "R"],
        [minh, 4000, "R"],
        [hoa, 6000, "W"],
      ],
      [
        [minh, 3000, "W"],
        [hoa, 4000, "R"],
        [lan, 5000, "R"],
        [lan, 7000, "-"],
      ], // lan retracts
      [
        [lan, 1000, "R"],
        [minh, 2000, "R"],
        [hoa, 3000, "R"],
      ],
      [
        [lan, 2000, "W"],
        [minh, 3000, "R"],
      ],
    ];
    for (const [i, votes] of script.entries()) {
      w.clock.advance(i === 0 ? 2000 : 3000); // the start delay, then the gap after the previous question
      const message = await poll(w, i + 1);
      const p = w.fake.poll(message);
      const q = stored[i];
      expect(p.type).toBe("quiz");
      expect(p.is_anonymous).toBe(false);
      expect(p.open_period).toBe(30);
      expect(p.options.map((o) => o.text)).toEqual(q?.options);
      expect(p.correct_option_ids).toEqual(q?.correct);
      expect(p.explanation).toBe(q?.explanation);
      const { right, wrong } = options(w, message);
      const elapsed = { now: 0 };
      for (const [user, at, kind] of votes) {
        await voteAt(w, message, elapsed, at, user, kind === "-" ? [] : [kind === "R" ? right : wrong]);
      }
      w.clock.advance(30_000 - elapsed.now); // open_period ends: the fake closes the poll, the quiz moves on
      expect(w.fake.poll(message).is_closed).toBe(true);
      if (i === 4)
        expect(w.fake.vote(message, hoa, [right])).toEqual({ accepted: false, reason: "poll_closed" });
    }
    const results = await w.fake.waitFor(
      () => w.fake.sent(w.group).find((m) => m.text?.startsWith("🏁")),
      WAIT,
      "results",
    );
    await w.runner.idle();
    expect(results.text?.split("\n").slice(0, 4)).toEqual([
      "🏁 Kết quả đố vui (5 câu):",
      "1. Minh Trần: 4 câu đúng, 17.0 giây",
      "2. lan_nguyen: 3 câu đúng, 6.0 giây",
      "3. Hoa: 3 câu đúng, 17.0 giây",
    ]);
    expect(results.text).toContain("Câu 1: ");
    // one stored answer per person and question: 3 (minh changed, one row) + 3 + 2 (lan retracted) + 3 + 2
    expect(w.store.answers(session.id)).toHaveLength(13);
    expect(w.store.session(session.id)?.status).toBe("finished");
    // 1 announcement + 5 polls + 1 results: within the group's 20 messages a minute
    expect(w.fake.sent(w.group)).toHaveLength(7);

    w.fake.userSends(w.group, hoa, "/quiz scores");
    const board = await w.fake.waitFor(
      () => w.fake.sent(w.group).find((m) => m.text?.startsWith("🏆")),
      WAIT,
    );
    expect(board.text).toContain("1. Minh Trần: 4/5 câu đúng qua 1 lượt");
    expect(w.logs).toEqual([]);
  });
});
