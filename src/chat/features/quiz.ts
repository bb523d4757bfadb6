import { createHash } from "node:crypto";
import { t } from "../../i18n/index.js";
import {
  generateQuiz,
  parseStartArgs,
  type QuizQuestion,
  type QuizRunner,
  type Voter,
} from "../../quiz/index.js";
import { docKey } from "../../text/index.js";
import type { Feature, Turn } from "../core.js";
import type { Reply } from "../types.js";

/**
 * `/quiz start|stop|scores|me` (Vietnamese words too: bắt đầu, dừng, điểm, tôi), and the answers to
 * a running quiz: Telegram poll votes, Slack button clicks, numbers typed in the console. Mount it
 * before `ask`, so a typed number reaches the quiz before the free-question fallback.
 */
export function quizFeature(runner: QuizRunner, banks: () => QuizQuestion[] = () => []): Feature {
  return {
    name: "quiz",
    async handle(turn) {
      const { msg } = turn;
      const voter: Voter = { userId: msg.userId, ...(msg.userName ? { userName: msg.userName } : {}) };
      const lang = msg.langHint ?? "vi";
      if (msg.poll) {
        await runner.vote(msg.poll.pollId, voter, msg.poll.optionIds);
        return []; // a vote has no chat to answer in
      }
      if (msg.action) return runner.click(msg.action, voter, lang);
      if (turn.command === null) return runner.typed(msg.messenger, msg.chatId, turn.args, voter, lang);
      if (turn.command !== "quiz") return null;
      const sub = turn.args.toLowerCase().normalize("NFC");
      const rest = turn.args.replace(/^\S+(\s+đầu)?\s*/iu, "");
      if (/^(start|bắt đầu|batdau|bat dau)\b/u.test(sub)) return start(turn, runner, rest, banks);
      if (/^(stop|dừng|dung)\b/u.test(sub)) return stop(turn, runner);
      if (/^(scores?|điểm|diem|bxh)\b/u.test(sub)) return [runner.scores(msg.messenger, msg.chatId, lang)];
      if (/^(me|tôi|toi)\b/u.test(sub)) return [runner.me(msg.messenger, voter, lang)];
      return [{ text: t(lang, "quiz.run.usage"), lang }];
    },
  };
}

function refusal(turn: Turn): Reply[] {
  const lang = turn.msg.langHint ?? "vi";
  return [{ text: t(lang, "quiz.run.notAllowed"), lang }];
}

/** Words that ask for the imported banks instead of generated questions ("/quiz start bank 10"). */
const BANK_WORD = /^(bank|banks|ngân hàng|ngan hang|bộ câu hỏi)$/iu;

async function start(
  turn: Turn,
  runner: QuizRunner,
  args: string,
  banks: () => QuizQuestion[],
): Promise<Reply[]> {
  const { msg } = turn;
  const lang = msg.langHint ?? "vi";
  if (!runner.mayRun(msg)) return refusal(turn);
  if (runner.store.runningIn(msg.messenger, msg.chatId)) return [{ text: t(lang, "quiz.run.busy"), lang }];
  const wanted = parseStartArgs(args);
  const documents = turn.deps.index.documents;
  const fromBank =
    BANK_WORD.test(args.trim().split(/\s+\d/)[0]?.trim() ?? "") || BANK_WORD.test(wanted.document ?? "");
  let docId: string | undefined;
  if (wanted.document && !fromBank) {
    const key = docKey(wanted.document);
    const doc = documents.find(
      (d) => d.id === wanted.document?.toLowerCase() || (d.number && docKey(d.number) === key),
    );
    if (!doc) return [{ text: t(lang, "quiz.run.noDoc", { doc: wanted.document }), lang }];
    docId = doc.id;
  }
  const seed = `${msg.messenger}:${msg.chatId}:${runner.clock.now()}`;
  const questions = fromBank
    ? shuffled(banks(), seed).slice(0, wanted.questions)
    : generateQuiz(documents, { n: wanted.questions, seed, lang, ...(docId ? { docId } : {}) });
  const doc = wanted.document && !fromBank ? t(lang, "quiz.run.docPart", { doc: wanted.document }) : "";
  if (questions.length === 0) return [{ text: t(lang, "quiz.run.noQuestions", { doc }), lang }];
  const started = runner.start({
    messenger: msg.messenger,
    chatId: msg.chatId,
    ...(msg.threadId ? { threadId: msg.threadId } : {}),
    lang,
    startedBy: msg.userId,
    seconds: wanted.seconds,
    questions,
  });
  if (!started.ok) return [{ text: t(lang, "quiz.run.busy"), lang }];
  return [{ text: t(lang, "quiz.run.started", { n: questions.length, seconds: wanted.seconds, doc }), lang }];
}

async function stop(turn: Turn, runner: QuizRunner): Promise<Reply[]> {
  const { msg } = turn;
  const lang = msg.langHint ?? "vi";
  if (!runner.mayRun(msg)) return refusal(turn);
  const results = await runner.stop(msg.messenger, msg.chatId);
  return [results ?? { text: t(lang, "quiz.run.noneRunning"), lang }];
}

/** The questions in an order fixed by `seed` (each quiz draws differently, reproducibly). */
function shuffled(questions: QuizQuestion[], seed: string): QuizQuestion[] {
  const key = (q: QuizQuestion) => createHash("sha1").update(`${seed}:${q.id}`).digest("hex");
  return [...questions].sort((a, b) => key(a).localeCompare(key(b)));
}
