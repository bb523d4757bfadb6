import type {
  QuizAnswerRecord,
  QuizAnswerWithSession,
  QuizQuestionRecord,
  QuizSessionRecord,
  QuizStore,
} from "./quiz-types.js";

/**
 * The in-memory twin of the SQLite quiz store, for unit tests and quick local runs: the same rules
 * (one running quiz per chat, one answer per session + question + user), nothing kept on exit.
 */
export class MemoryQuizStore implements QuizStore {
  private readonly sessions = new Map<string, QuizSessionRecord>();
  private readonly qs = new Map<string, QuizQuestionRecord[]>();
  private readonly given = new Map<string, QuizAnswerRecord>();

  createSession(session: QuizSessionRecord, payloads: string[]): boolean {
    if (this.runningIn(session.messenger, session.chatId)) return false;
    this.sessions.set(session.id, { ...session });
    this.qs.set(
      session.id,
      payloads.map((payload, idx) => ({
        sessionId: session.id,
        idx,
        payload,
        pollId: null,
        sentAt: null,
        closesAt: null,
        closed: false,
      })),
    );
    return true;
  }

  session(id: string): QuizSessionRecord | undefined {
    const s = this.sessions.get(id);
    return s && { ...s };
  }

  runningIn(messenger: string, chatId: string): QuizSessionRecord | undefined {
    return this.running().find((s) => s.messenger === messenger && s.chatId === chatId);
  }

  running(): QuizSessionRecord[] {
    return [...this.sessions.values()].filter((s) => s.status === "running").map((s) => ({ ...s }));
  }

  endSession(id: string, status: Exclude<QuizSessionRecord["status"], "running">, at: number): void {
    const s = this.sessions.get(id);
    if (s?.status === "running") Object.assign(s, { status, endedAt: at });
  }

  questions(sessionId: string): QuizQuestionRecord[] {
    return (this.qs.get(sessionId) ?? []).map((q) => ({ ...q }));
  }

  questionByPoll(pollId: string): QuizQuestionRecord | undefined {
    for (const list of this.qs.values()) {
      const q = list.find((x) => x.pollId === pollId);
      if (q) return { ...q };
    }
    return undefined;
  }

  markSent(
    sessionId: string,
    idx: number,
    sent: { pollId: string | null; sentAt: number; closesAt: number },
  ) {
    const q = this.qs.get(sessionId)?.[idx];
    if (q) Object.assign(q, sent);
  }

  markClosed(sessionId: string, idx: number): void {
    const q = this.qs.get(sessionId)?.[idx];
    if (q) q.closed = true;
  }

  putAnswer(answer: QuizAnswerRecord, replace: boolean) {
    const key = `${answer.sessionId}\u0000${answer.idx}\u0000${answer.userId}`;
    const old = this.given.get(key);
    if (!old) {
      this.given.set(key, { ...answer });
      return "added" as const;
    }
    if (old.option === answer.option) return "unchanged" as const;
    if (!replace) return "kept-first" as const;
    this.given.set(key, { ...answer });
    return "replaced" as const;
  }

  removeAnswer(sessionId: string, idx: number, userId: string): boolean {
    return this.given.delete(`${sessionId}\u0000${idx}\u0000${userId}`);
  }

  answers(sessionId: string): QuizAnswerRecord[] {
    return [...this.given.values()]
      .filter((a) => a.sessionId === sessionId)
      .sort((a, b) => a.idx - b.idx || a.answeredAt - b.answeredAt)
      .map((a) => ({ ...a }));
  }

  chatAnswers(messenger: string, chatId: string): QuizAnswerWithSession[] {
    return this.joined().filter((a) => a.messenger === messenger && a.chatId === chatId);
  }

  userAnswers(messenger: string, userId: string): QuizAnswerWithSession[] {
    return this.joined().filter((a) => a.messenger === messenger && a.userId === userId);
  }

  private joined(): QuizAnswerWithSession[] {
    const out: QuizAnswerWithSession[] = [];
    for (const a of this.given.values()) {
      const s = this.sessions.get(a.sessionId);
      const q = this.qs.get(a.sessionId)?.[a.idx];
      if (s && q) out.push({ ...a, messenger: s.messenger, chatId: s.chatId, payload: q.payload });
    }
    return out.sort((a, b) => a.answeredAt - b.answeredAt);
  }
}
