import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { quizFeature } from "../../src/chat/features/quiz.js";
import { ChatCore, FEATURES, type MessengerName, type Outbox } from "../../src/chat/index.js";
import { createConsoleOutbox, runConsoleChat } from "../../src/messengers/console.js";
import { createQuizRunner, ManualQuizClock, parseStoredQuestion } from "../../src/quiz/index.js";
import { MemoryQuizStore } from "../../src/store/quiz-memory.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";

// The console chat plays the same quiz in text: numbered options, the answer typed as a number.

/** Resolves once `output` has printed something matching `pattern` (wall-clock bound, never asserted). */
function printed(read: () => string, pattern: RegExp, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (pattern.test(read())) resolve();
      else if (Date.now() - started > 10_000) reject(new Error(`console never printed ${label}:\n${read()}`));
      else setTimeout(check, 10);
    };
    check();
  });
}

describe("a quiz in the console chat", () => {
  it("prints numbered options, takes a typed number, and ends with the results", async () => {
    const clock = new ManualQuizClock();
    const store = new MemoryQuizStore();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    const outboxes = new Map<MessengerName, Outbox>([["console", createConsoleOutbox(output)]]);
    const runner = createQuizRunner({ store, outboxes, clock });
    const engine = await engineFor(SEED_CORPUS);
    const chat = new ChatCore({ index: engine.index, answerer: engine.answerer }, [
      quizFeature(runner),
      ...FEATURES,
    ]);
    const done = runConsoleChat(chat, { input, output, prompt: false });

    input.write("/quiz start 1 câu 10 giây\n");
    await printed(() => text, /1 câu hỏi, mỗi câu 10 giây/, "the announcement");
    clock.advance(2000);
    await printed(() => text, /Câu 1\/1:/, "the question");
    const session = store.running()[0];
    const q = session && parseStoredQuestion(store.questions(session.id)[0]?.payload ?? "");
    if (!session || !q) throw new Error("no quiz");
    for (const [k, option] of q.options.entries()) expect(text).toContain(`${k + 1}. ${option}`);
    clock.advance(1500);
    input.write(`${(q.correct[0] ?? 0) + 1}\n`);
    await printed(() => text, /✅ Đúng!/, "the feedback");
    clock.advance(8500);
    await printed(
      () => text,
      /🏁 Kết quả đố vui \(1 câu\):\n1\. console:user: 1 câu đúng, 1\.5 giây/,
      "the results",
    );
    expect(text).toContain("Hết giờ câu 1");
    input.end();
    await done;
    await runner.shutdown();
  });
});
