import { describe, expect, it } from "vitest";
import { quizFeature } from "../../src/chat/features/quiz.js";
import { ChatCore, FEATURES, type MessengerName, type Outbox } from "../../src/chat/index.js";
import {
  createQuizRunner,
  ManualQuizClock,
  parseStoredQuestion,
  type QuizQuestion,
  trainersFrom,
} from "../../src/quiz/index.js";
import { MemoryQuizStore } from "../../src/store/quiz-memory.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import type { User } from "../support/fake-zalo/index.js";
import { onCleanup, polling, settled, WAIT } from "./zalo-setup.js";

// A text quiz in a Zalo group: no polls, no buttons. Questions list their options as "A. …", three
// players answer by typing a letter (or a number), the first answer counts, and the quiz clock (moved
// by the test) closes each question, reveals the answer and ends with the leaderboard.

const LETTERS = "ABCDEFGHIJ";

async function quizWorld() {
  const clock = new ManualQuizClock();
  const store = new MemoryQuizStore();
  const outboxes = new Map<MessengerName, Outbox>();
  let trainers = "";
  const runner = createQuizRunner({
    store,
    outboxes,
    clock,
    startDelayMs: 2000,
    gapMs: 3000,
    isTrainer: (msg) => trainersFrom(trainers)(msg),
  });
  onCleanup(() => runner.shutdown());
  const engine = await engineFor(SEED_CORPUS);
  const chat = new ChatCore({ index: engine.index, answerer: engine.answerer }, [
    quizFeature(runner),
    ...FEATURES,
  ]);
  const w = await polling(chat);
  outboxes.set("zalo", w.zalo.outbox);
  trainers = `zalo:${w.lan.id}`;
  const hoa = w.fake.createUser("Lê Thị Hoa");
  const group = w.fake.createGroup("Lớp bồi dưỡng");
  return { ...w, clock, store, runner, hoa, group };
}
type World = Awaited<ReturnType<typeof quizWorld>>;

/** Texts the bot sent to the group. */
const texts = (w: World) => w.fake.sent(w.group).map((m) => m.text);

/** `user` types `text`; resolves with the bot's answer to it. */
async function type(w: World, user: User, text: string): Promise<string> {
  const before = texts(w).length;
  w.fake.userSends(w.group, user, text);
  await w.fake.waitFor(() => texts(w).length > before, WAIT, `answer to ${text}`);
  return texts(w)[before] ?? "";
}

/** Waits for question `k` (1-based) to be posted and recorded as sent. */
async function question(w: World, k: number, n: number): Promise<{ q: QuizQuestion; text: string }> {
  const text = await w.fake.waitFor(
    () => texts(w).find((t) => t.startsWith(`Câu ${k}/${n}:`)),
    WAIT,
    `question ${k}; sent so far: ${JSON.stringify(texts(w))}`,
  );
  const session = w.store.running()[0];
  const row = await w.fake.waitFor(
    () => session && w.store.questions(session.id).find((r) => r.idx === k - 1 && r.sentAt !== null),
    WAIT,
    `question ${k} recorded`,
  );
  const q = parseStoredQuestion(row.payload);
  if (!q) throw new Error("unreadable question");
  return { q, text };
}

describe("a quiz in a Zalo group", () => {
  it("asks with lettered options, scores letters and numbers by first answer, and ends with the right leaderboard", async () => {
    const w = await quizWorld();
    const { lan, minh, hoa, clock } = w;
    w.fake.userSends(w.group, lan, "A"); // no question open: a bare letter is not for the bot
    expect(await type(w, minh, "/quiz start 3 câu 30 giây")).toContain("Chỉ huấn luyện viên");
    expect(await type(w, lan, "/quiz start 3 câu 30 giây")).toContain("3 câu hỏi, mỗi câu 30 giây");

    // [player, seconds after the question, "R" right / "W" wrong, how it is typed]
    type Move = [User, number, "R" | "W", (letter: string, k: number) => string];
    const upper = (l: string) => l;
    const lower = (l: string) => l.toLowerCase();
    const digit = (_: string, k: number) => String(k + 1);
    const dotted = (l: string) => `${l}.`;
    const script: Move[][] = [
      [
        [lan, 3, "R", upper],
        [minh, 5, "W", lower],
        [hoa, 8, "R", lower],
      ],
      [
        [lan, 2, "R", digit],
        [minh, 4, "R", upper],
        [hoa, 6, "R", upper],
      ],
      [
        [minh, 1.5, "R", dotted],
        [hoa, 2, "R", upper],
        [lan, 3, "W", upper],
      ],
    ];
    clock.advance(2000);
    for (const [i, moves] of script.entries()) {
      const { q, text } = await question(w, i + 1, 3);
      for (const [k, option] of q.options.entries()) expect(text).toContain(`${LETTERS[k]}. ${option}`);
      const letters = [...LETTERS.slice(0, q.options.length)].join(", ");
      expect(text).toContain(`⏱ 30 giây. Gõ chữ cái của phương án đúng (${letters}).`);
      const right = q.correct[0] ?? 0;
      const wrong = (right + 1) % q.options.length;
      let elapsed = 0;
      for (const [user, at, kind, typed] of moves) {
        clock.advance(at * 1000 - elapsed);
        elapsed = at * 1000;
        const k = kind === "R" ? right : wrong;
        const feedback = await type(w, user, typed(LETTERS[k] ?? "?", k));
        expect(feedback).toMatch(new RegExp(`^${user.display_name}: ${kind === "R" ? "✅" : "❌"}`));
      }
      if (i === 0)
        expect(await type(w, minh, LETTERS[right] ?? "")).toContain("câu trả lời đầu tiên được tính");
      clock.advance(30_000 - elapsed); // time is up: the answer is revealed
      const reveal = await w.fake.waitFor(
        () => texts(w).find((t) => t.startsWith(`⏰ Hết giờ câu ${i + 1}.`)),
        WAIT,
      );
      expect(reveal).toContain(`(${moves.filter((m) => m[2] === "R").length}/3 người trả lời đúng)`);
      await w.runner.idle(); // the reveal is sent and the gap's timer set
      clock.advance(3000); // the gap before the next question (or the results)
    }
    const results = await w.fake.waitFor(() => texts(w).find((t) => t.startsWith("🏁")), WAIT, "results");
    await w.runner.idle();
    expect(results.split("\n").slice(0, 4)).toEqual([
      "🏁 Kết quả đố vui (3 câu):",
      "1. Lê Thị Hoa: 3 câu đúng, 16.0 giây",
      "2. Nguyễn Thị Lan: 2 câu đúng, 5.0 giây",
      "3. Trần Minh: 2 câu đúng, 5.5 giây",
    ]);
    const count = texts(w).length;
    w.fake.userSends(w.group, hoa, "B"); // the quiz is over: letters are chat again
    await settled(w.fake, w.zalo);
    expect(texts(w)).toHaveLength(count);
    expect(await type(w, hoa, "/quiz scores")).toContain("1. Lê Thị Hoa: 3/3 câu đúng qua 1 lượt");
    for (const m of w.fake.sent(w.group)) expect(m.text.length).toBeLessThanOrEqual(2000);
    // "typing…" for the three commands only: answers are scored and acknowledged at once
    expect(w.fake.callsOf("sendChatAction")).toHaveLength(3);
  });

  it("after /quiz stop, bare letters in the group are chat again and get no answer", async () => {
    const w = await quizWorld();
    const { lan, minh, hoa, clock } = w;
    expect(await type(w, lan, "/quiz start 2 câu 30 giây")).toContain("2 câu hỏi");
    clock.advance(2000);
    const { q } = await question(w, 1, 2);
    clock.advance(1000);
    expect(await type(w, minh, LETTERS[q.correct[0] ?? 0] ?? "")).toMatch(/^Trần Minh: ✅/);
    const stopped = await type(w, lan, "/quiz stop");
    expect(stopped).toMatch(/^⏹ Đố vui đã dừng\. Kết quả sau 1 câu:\n1\. Trần Minh: 1 câu đúng, 1\.0 giây/);
    const count = texts(w).length;
    w.fake.userSends(w.group, hoa, "A");
    w.fake.userSends(w.group, hoa, "b.");
    await settled(w.fake, w.zalo);
    expect(texts(w)).toHaveLength(count);
    // a question to the bot still gets its answer
    expect(await type(w, hoa, "@bot.CadreTest nhiệm vụ 4 của 1470-CV/TU yêu cầu gì?")).toContain(
      "Nhiệm vụ 4 của 1470-CV/TU",
    );
  });
});
