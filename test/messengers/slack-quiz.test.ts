import { afterEach, describe, expect, it } from "vitest";
import { quizFeature } from "../../src/chat/features/quiz.js";
import { ChatCore, FEATURES, type MessengerName, type Outbox } from "../../src/chat/index.js";
import { type Served, serveRoutes } from "../../src/messengers/http.js";
import { createSlack, SLACK_EVENTS_PATH } from "../../src/messengers/slack/index.js";
import {
  createQuizRunner,
  ManualQuizClock,
  parseStoredQuestion,
  trainersFrom,
} from "../../src/quiz/index.js";
import { MemoryQuizStore } from "../../src/store/quiz-memory.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeSlack, type StoredMessage } from "../support/fake-slack/index.js";

// A quiz in a Slack channel: the real Bolt App (createSlack over HTTP) against the fake Slack, the
// real chat core with the quiz feature, the in-memory quiz store and a manual clock.

const SECRET = "test-signing-secret";
const WAIT_MS = 15_000;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function slackQuiz() {
  const clock = new ManualQuizClock();
  const store = new MemoryQuizStore();
  const outboxes = new Map<MessengerName, Outbox>();
  const logs: string[] = [];
  const runner = createQuizRunner({
    store,
    outboxes,
    clock,
    isTrainer: trainersFrom("slack:U0ALICE"),
    log: (l) => logs.push(l),
  });
  const engine = await engineFor(SEED_CORPUS);
  const chat = new ChatCore({ index: engine.index, answerer: engine.answerer }, [
    quizFeature(runner),
    ...FEATURES,
  ]);
  const fake = await FakeSlack.start();
  const slack = createSlack({
    botToken: fake.botToken,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    chat,
    log: (level, message) => logs.push(`${level} ${message}`),
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
  });
  await slack.start();
  const served: Served = await serveRoutes(slack.routes, { port: 0 });
  cleanups.push(
    () => fake.close(),
    () => served.close(),
    () => slack.stop(),
    () => runner.shutdown(),
  );
  outboxes.set("slack", slack.outbox);
  const events = fake.httpEvents({ url: `${served.url}${SLACK_EVENTS_PATH}`, signingSecret: SECRET });
  return { clock, store, runner, fake, events, logs };
}

const texts = (m: StoredMessage) => m.text ?? "";
const buttonValues = (m: StoredMessage) =>
  (m.blocks ?? [])
    .map((b) => b as { type: string; elements?: { action_id: string; value: string }[] })
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? []);

describe("a quiz in a Slack channel", () => {
  it("posts Block Kit questions with a button per option, counts a double click once, answers privately", async () => {
    const w = await slackQuiz();
    const ask = await w.events.appMention({ text: "<@U0BOT> /quiz start 2 câu 20 giây", user: "U0ALICE" });
    const thread = () => w.fake.thread("C0GENERAL", ask.message.ts);
    await w.fake.waitFor(() => thread()[0], WAIT_MS, "announcement");
    expect(texts(thread()[0] as StoredMessage)).toContain("2 câu hỏi, mỗi câu 20 giây");
    const session = w.store.running()[0];
    if (!session) throw new Error("no quiz");
    const [q1, q2] = w.store.questions(session.id).map((r) => parseStoredQuestion(r.payload));
    if (!q1 || !q2) throw new Error("questions unreadable");

    w.clock.advance(2000);
    const question = await w.fake.waitFor(() => thread()[1], WAIT_MS, "question 1");
    await w.runner.idle();
    const buttons = buttonValues(question);
    expect(buttons.map((b) => b.value)).toEqual(q1.options.map((_, k) => `qz:${session.id}:0:${k}`));
    expect(buttons.every((b) => Buffer.byteLength(b.value) <= 64)).toBe(true);
    const right = q1.correct[0] ?? 0;
    const wrong = (right + 1) % q1.options.length;
    const click = (user: string, k: number) =>
      w.events.blockAction({
        channel: "C0GENERAL",
        messageTs: question.ts,
        actionId: `cadre_btn_${k}`,
        user,
      });

    w.clock.advance(2000);
    await click("U0BINH", right);
    await w.fake.waitFor(() => w.fake.ephemerals("C0GENERAL", "U0BINH")[0], WAIT_MS, "feedback");
    await click("U0BINH", right); // a double click
    await w.fake.waitFor(() => w.fake.ephemerals("C0GENERAL", "U0BINH")[1], WAIT_MS, "second notice");
    await click("U0CHI", wrong);
    await w.fake.waitFor(() => w.fake.ephemerals("C0GENERAL", "U0CHI")[0], WAIT_MS, "feedback");
    await click("U0CHI", right); // changing one's mind is not allowed on Slack: the first answer counts
    await w.fake.waitFor(() => w.fake.ephemerals("C0GENERAL", "U0CHI")[1], WAIT_MS, "second notice");

    const binh = w.fake.ephemerals("C0GENERAL", "U0BINH").map((e) => e.text ?? "");
    const chi = w.fake.ephemerals("C0GENERAL", "U0CHI").map((e) => e.text ?? "");
    expect(binh[0]).toMatch(/^✅ Đúng!/);
    expect(binh[1]).toContain("câu trả lời đầu tiên được tính");
    expect(chi[0]).toMatch(/^❌ Chưa đúng\. Đáp án đúng:/);
    expect(chi[1]).toContain("câu trả lời đầu tiên được tính");
    expect(w.store.answers(session.id)).toMatchObject([
      { userId: "U0BINH", option: right, correct: true },
      { userId: "U0CHI", option: wrong, correct: false },
    ]);

    w.clock.advance(18_000); // time is up: the answer is posted for everyone
    const reveal = await w.fake.waitFor(() => thread()[2], WAIT_MS, "reveal");
    expect(texts(reveal)).toContain("Hết giờ câu 1");
    expect(texts(reveal)).toContain("(1/2 người trả lời đúng)");
    await w.runner.idle();
    await click("U0CHI", right); // too late
    const late = await w.fake.waitFor(() => w.fake.ephemerals("C0GENERAL", "U0CHI")[2], WAIT_MS, "late");
    expect(late.text).toContain("đã hết giờ");

    w.clock.advance(3000);
    await w.fake.waitFor(() => thread()[3], WAIT_MS, "question 2");
    await w.runner.idle();
    w.clock.advance(20_000);
    const results = await w.fake.waitFor(() => thread()[5], WAIT_MS, "results");
    await w.runner.idle();
    expect(texts(results)).toContain("Kết quả đố vui (2 câu)");
    expect(texts(results)).toContain("1. binh.tran: 1 câu đúng, 2.0 giây");
    expect(w.store.answers(session.id)).toHaveLength(2);
  });

  it("refuses /quiz start from a member who is not a trainer", async () => {
    const w = await slackQuiz();
    const ask = await w.events.appMention({ text: "<@U0BOT> /quiz start", user: "U0CHI" });
    const reply = await w.fake.waitFor(() => w.fake.thread("C0GENERAL", ask.message.ts)[0], WAIT_MS);
    expect(reply.text).toContain("Chỉ huấn luyện viên");
    expect(w.store.running()).toEqual([]);
  });
});
