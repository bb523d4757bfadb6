import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Destination, MessengerName, Outbox, Reply, Sent } from "../../src/chat/index.js";
import {
  createQuizRunner,
  ManualQuizClock,
  parseStartArgs,
  type QuizQuestion,
} from "../../src/quiz/index.js";
import { openDatabase } from "../../src/store/index.js";
import { createSqliteQuizStore } from "../../src/store/quiz-sqlite.js";

// A restart in the middle of a quiz, over the same SQLite file: resumed when it comes back soon,
// closed cleanly with a message when it comes back late, and never counting an answer twice.

/** An outbox that keeps what it was asked to send (a Telegram-like one: polls get an id). */
class KeptOutbox implements Outbox {
  readonly messenger = "telegram" as const;
  readonly sent: { to: Destination; reply: Reply }[] = [];
  async send(to: Destination, reply: Reply): Promise<Sent> {
    this.sent.push({ to, reply });
    const n = this.sent.length;
    return { messageIds: [String(n)], ...(reply.poll ? { pollId: `poll-${n}` } : {}) };
  }
}

const question = (i: number): QuizQuestion => ({
  id: `q${i}`,
  kind: "which-task",
  lang: "vi",
  question: `Câu hỏi số ${i}?`,
  options: ["Nhiệm vụ 1", "Nhiệm vụ 2", "Nhiệm vụ 3"],
  correct: [1],
  explanation: `1470-CV/TU, nhiệm vụ 2 (${i}).`,
  citation: { docNumber: "1470-CV/TU", task: 2, file: "000.md", quote: "Tăng cường công tác dân vận" },
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "cadre-quiz-restart-"));
  dirs.push(dir);
  const file = path.join(dir, "cadre.db");
  const clock = new ManualQuizClock();
  const outbox = new KeptOutbox();
  const outboxes = new Map<MessengerName, Outbox>([["telegram", outbox]]);
  const logs: string[] = [];
  /** A runner over a fresh connection to the same file, as after a restart. */
  const boot = () => {
    const { db } = openDatabase(file);
    const store = createSqliteQuizStore(db);
    const runner = createQuizRunner({ store, outboxes, clock, log: (l) => logs.push(l) });
    return { db, store, runner };
  };
  return { clock, outbox, boot, logs };
}

const START = {
  messenger: "telegram" as const,
  chatId: "-1001",
  lang: "vi" as const,
  startedBy: "1",
  seconds: 30,
};
const lan = { userId: "11", userName: "lan" };

describe("a restart in the middle of a quiz", () => {
  it("resumes the open question with its remaining time and does not count a replayed vote twice", async () => {
    const { clock, outbox, boot, logs } = setup();
    const first = boot();
    const started = first.runner.start({ ...START, questions: [question(1), question(2)] });
    if (!started.ok) throw new Error("not started");
    clock.advance(2000);
    await first.runner.idle();
    expect(outbox.sent.map((s) => s.reply.poll?.question)).toEqual(["Câu 1/2: Câu hỏi số 1?"]);
    clock.advance(4000);
    await first.runner.vote("poll-1", lan, [1]);
    await first.runner.shutdown(); // the process dies
    first.db.close();

    const second = boot();
    expect(await second.runner.resume()).toEqual({ resumed: [started.session.id], closed: [] });
    await second.runner.vote("poll-1", lan, [1]); // Telegram delivers the unconfirmed update again
    clock.advance(1000);
    await second.runner.vote("poll-1", { userId: "12", userName: "minh" }, [0]);
    expect(second.store.answers(started.session.id)).toMatchObject([
      { userId: "11", correct: true, ms: 4000 },
      { userId: "12", correct: false, ms: 5000 },
    ]);
    clock.advance(25_000); // the rest of question 1's 30 s: it closes on time
    await second.runner.idle();
    clock.advance(3000);
    await second.runner.idle();
    expect(outbox.sent.map((s) => s.reply.poll?.question)).toEqual([
      "Câu 1/2: Câu hỏi số 1?",
      "Câu 2/2: Câu hỏi số 2?",
    ]);
    clock.advance(30_000);
    await second.runner.idle();
    const results = outbox.sent.at(-1)?.reply.text.split("\n") ?? [];
    expect(results.slice(0, 3)).toEqual([
      "🏁 Kết quả đố vui (2 câu):",
      "1. lan: 1 câu đúng, 4.0 giây",
      "2. minh: 0 câu đúng, 0.0 giây",
    ]);
    expect(second.store.session(started.session.id)?.status).toBe("finished");
    expect(logs).toEqual([]);
    second.db.close();
  });

  it("closes a quiz cleanly, with the scores so far, when the bot comes back long after its question closed", async () => {
    const { clock, outbox, boot } = setup();
    const first = boot();
    const started = first.runner.start({ ...START, questions: [question(1), question(2), question(3)] });
    if (!started.ok) throw new Error("not started");
    clock.advance(2000);
    await first.runner.idle();
    clock.advance(3000);
    await first.runner.vote("poll-1", lan, [1]);
    await first.runner.shutdown();
    first.db.close();

    clock.advance(60 * 60_000); // an hour later
    const second = boot();
    expect(await second.runner.resume()).toEqual({ resumed: [], closed: [started.session.id] });
    const last = outbox.sent.at(-1)?.reply.text ?? "";
    expect(last.split("\n").slice(0, 2)).toEqual([
      "⚠️ Đố vui bị ngắt vì bot khởi động lại. Kết quả sau 1 câu:",
      "1. lan: 1 câu đúng, 3.0 giây",
    ]);
    expect(second.store.session(started.session.id)?.status).toBe("interrupted");
    await second.runner.vote("poll-1", { userId: "12" }, [1]); // a stale vote after the close
    expect(second.store.answers(started.session.id)).toHaveLength(1);
    expect(second.store.running()).toEqual([]);
    second.db.close();
  });

  it("allows a new quiz only when the chat has none running", () => {
    const { boot } = setup();
    const { runner, db } = boot();
    expect(runner.start({ ...START, questions: [question(1)] }).ok).toBe(true);
    expect(runner.start({ ...START, questions: [question(2)] })).toEqual({ ok: false, reason: "busy" });
    db.close();
  });
});

describe("/quiz start arguments", () => {
  it("reads the document, the count and the seconds in any order, in Vietnamese or English", () => {
    expect(parseStartArgs("")).toEqual({ document: null, questions: 5, seconds: 30 });
    expect(parseStartArgs("1470-CV/TU 5 30")).toEqual({ document: "1470-CV/TU", questions: 5, seconds: 30 });
    expect(parseStartArgs("20 giây 3 câu 1470-CV/TU")).toEqual({
      document: "1470-CV/TU",
      questions: 3,
      seconds: 20,
    });
    expect(parseStartArgs("45s 10 questions")).toEqual({ document: null, questions: 10, seconds: 45 });
    expect(parseStartArgs("45")).toEqual({ document: null, questions: 5, seconds: 45 });
    expect(parseStartArgs("99 câu 1 giây")).toEqual({ document: null, questions: 20, seconds: 10 });
  });
});
