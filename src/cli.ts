import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DeadlinesUsageError, runDeadlines } from "./cli-deadlines.js";
import { ConfigError, MESSENGER_VARIABLES, parseConfig } from "./config/index.js";
import { indexCorpus, openEngine } from "./engine.js";
import { PromptError, rephraseWithSettings } from "./llm/index.js";
import { BANKS_FOLDER, exportBank, generateQuiz, saveBank, toJson } from "./quiz/index.js";
import { ReminderConfigError } from "./reminders/index.js";
import { EmbeddingsError } from "./search/embeddings-checked.js";
import type { Progress } from "./search/index.js";
import { isLang } from "./text/index.js";

/**
 * The `cadre` command (DESIGN §3.1). Bad input ends with a one-line error on stderr naming what
 * was wrong, and exit status 2.
 */

const USAGE = `Usage: cadre <command> [options]
  index                         build or refresh the index of --corpus into --data
  ask [--json] [--lang xx] "QUESTION"   answer one question
  ask --json --stdin            one question per input line, one JSON answer per output line
  chat                          console chat with the bot's commands
  quiz generate [-n N] [--json] [--seed S] [--lang xx] [--doc NUMBER]   quiz questions from the corpus
  quiz export [-n N] [--seed S] [--lang xx]   the same as an editable YAML bank
  quiz import FILE              check a bank against the corpus and keep it for '/quiz start bank'
  start [--config DIR]          serve the web page (PORT_WEB), run the configured messengers and the reminder dispatcher (npm start)
  deadlines suggest [--json] [--from YYYY-MM-DD] [--until YYYY-MM-DD]   reporting duties found in the corpus
  deadlines accept N [--units A,B] [--recipient R] [--id ID] [--title T]   suggestion N becomes a deadline
  deadlines status [DEADLINE] [--json]   where every unit stands
Options: --corpus DIR (default ./corpus)  --data DIR (default ./data, env DATA_DIR)
         --config DIR (units.yaml, deadlines.yaml; default ./config when it exists)`;

class UsageError extends Error {}

/** The bot's own parts (messengers, web page, storage), loaded by `chat` and `start` only. */
let bot: Awaited<ReturnType<typeof importBot>> | undefined;

async function importBot() {
  const [app, main, consoleChat, web] = await Promise.all([
    import("./app.js"),
    import("./main.js"),
    import("./messengers/console.js"),
    import("./web/server.js"),
  ]);
  return { ...app, ...main, ...consoleChat, ...web };
}

async function loadBot() {
  bot ??= await importBot();
  return bot;
}

function progressOnTty(): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (phase, done, total) => {
    const label = phase === "read" ? "Đọc tệp / reading files" : "Nhúng đoạn văn / embedding passages";
    process.stderr.write(`\r${label}: ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: "string" },
      data: { type: "string" },
      json: { type: "boolean", default: false },
      stdin: { type: "boolean", default: false },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      n: { type: "string", short: "n" },
      seed: { type: "string" },
      doc: { type: "string" },
      from: { type: "string" },
      until: { type: "string" },
      config: { type: "string" },
      units: { type: "string" },
      recipient: { type: "string" },
      id: { type: "string" },
      title: { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const config = parseConfig(process.env, { corpus: values.corpus, data: values.data });
  if (values.lang !== undefined && !isLang(values.lang))
    throw new UsageError(`--lang must be vi, en, fr or ja (got '${values.lang}')`);
  const needCorpus = () => {
    if (!existsSync(config.corpusDir) || !statSync(config.corpusDir).isDirectory()) {
      throw new UsageError(`corpus folder not found: ${config.corpusDir} (give one with --corpus DIR)`);
    }
  };
  const engine = () =>
    openEngine({
      corpusDir: config.corpusDir,
      dataDir: config.dataDir,
      progress: progressOnTty(),
      embeddings: config.env,
      llm: config.env,
    });

  switch (command) {
    case "index": {
      needCorpus();
      const index = await indexCorpus({
        corpusDir: config.corpusDir,
        dataDir: config.dataDir,
        progress: progressOnTty(),
        embeddings: config.env,
      });
      process.stdout.write(
        `Đã lập chỉ mục ${index.documents} văn bản (${index.files} tệp, ${index.passages} đoạn) vào ${config.dataDir}.\n`,
      );
      for (const e of index.errors)
        process.stderr.write(`cadre: không đọc được / could not read ${e.message}\n`);
      return 0;
    }
    case "ask": {
      needCorpus();
      const lang = isLang(values.lang) ? values.lang : undefined;
      if (values.stdin) {
        const { answerer } = await engine();
        const rl = createInterface({ input: process.stdin, terminal: false });
        for await (const line of rl) {
          const answer = await answerer.ask(line, { lang });
          process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${answer.answer}\n\n`);
        }
        return 0;
      }
      const question = rest.join(" ").trim();
      if (!question) throw new UsageError('the question is empty: cadre ask "nhiệm vụ 4 yêu cầu gì?"');
      const { answerer } = await engine();
      const answer = await answerer.ask(question, { lang });
      process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${answer.answer}\n`);
      return 0;
    }
    case "chat": {
      needCorpus();
      const { openApp, createConsoleOutbox, runConsoleChat } = await loadBot();
      const app = openApp(config, await engine(), { configDir: values.config });
      app.outboxes.set("console", createConsoleOutbox(process.stdout));
      await runConsoleChat(app.chat, {
        input: process.stdin,
        output: process.stdout,
        prompt: process.stdin.isTTY,
      });
      await app.close();
      return 0;
    }
    case "start": {
      needCorpus();
      const {
        openApp,
        createConsoleOutbox,
        runConsoleChat,
        startWeb,
        WebPortError,
        startMessengers,
        StartupError,
      } = await loadBot();
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const eng = await engine();
      const app = openApp(config, eng, { log, configDir: values.config });
      app.outboxes.set("console", createConsoleOutbox(process.stdout));
      // The local web page is always served; with no messenger configured it is the way in.
      const web = await startWeb({
        app,
        engine: eng,
        host: config.env.WEB_HOST,
        port: config.env.PORT_WEB ?? 8080,
        adminToken: config.env.WEB_ADMIN_TOKEN,
        log,
      }).catch(async (error: unknown) => {
        await app.close();
        throw error instanceof WebPortError ? new StartupError(error.message) : error;
      });
      app.outboxes.set("web", web.outbox);
      const running =
        config.messengers.length === 0
          ? null
          : await startMessengers(config, app.chat, log).catch(async (error: unknown) => {
              await web.close();
              await app.close();
              throw error;
            });
      for (const [name, outbox] of running?.outboxes ?? []) app.outboxes.set(name, outbox);
      await app.resume();
      app.dispatcher.run();
      process.stdout.write(
        `cadre-bot đang chạy / running: ${[`web ${web.url}`, ...(running?.describe ?? [])].join("; ")}\n`,
      );
      if (!running)
        process.stdout.write(
          `Mở / open ${web.url} trong trình duyệt / in a browser. Messengers: ${MESSENGER_VARIABLES.join("; ")} (.env.example)\n`,
        );
      const stopped = new Promise<void>((resolve) => {
        const stop = () => {
          process.stdout.write("cadre-bot: dừng nhận tin, hoàn tất các trả lời đang gửi / stopping…\n");
          resolve();
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
      if (running && process.stdin.isTTY) await Promise.race([runConsoleChat(app.chat), stopped]);
      else await stopped;
      await web.close();
      await running?.stop();
      await app.close();
      return 0;
    }
    case "quiz": {
      needCorpus();
      const [action, file] = rest;
      if (action === "import") {
        if (!file)
          throw new UsageError("give the bank file: cadre quiz import bank.yaml (format: docs/quiz-bank.md)");
        const { index } = await engine();
        const result = saveBank(path.join(config.dataDir, BANKS_FOLDER), file, index.documents);
        if ("errors" in result) {
          for (const e of result.errors)
            process.stderr.write(`${file}:${e.line}: ${e.field}: ${e.message}\n`);
          throw new UsageError(
            `nothing imported from ${file}: fix the ${result.errors.length} problem(s) above`,
          );
        }
        process.stdout.write(
          `Đã nhập ${result.questions.length} câu hỏi từ ${file}. Bắt đầu trong nhóm: /quiz start bank ${Math.min(10, result.questions.length)}\n`,
        );
        return 0;
      }
      if (action !== "generate" && action !== "export")
        throw new UsageError("quiz needs 'generate', 'export' or 'import': cadre quiz generate -n 10 --json");
      const n = values.n === undefined ? 10 : Number(values.n);
      if (!Number.isInteger(n) || n < 1 || n > 500)
        throw new UsageError(`-n must be a whole number from 1 to 500 (got '${values.n}')`);
      const { index } = await engine();
      const generated = generateQuiz(index.documents, {
        n,
        seed: values.seed ?? 0,
        lang: isLang(values.lang) ? values.lang : "vi",
        docId: values.doc,
      });
      // With LLM set, each question may be reworded; an item that fails verification stays as generated.
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const questions = config.env.LLM
        ? await rephraseWithSettings(config.env, generated, index.documents, log)
        : generated;
      if (values.doc && questions.length === 0)
        throw new UsageError(`no quiz questions for document '${values.doc}' (see 'cadre chat' → /docs)`);
      if (action === "export") process.stdout.write(exportBank(questions));
      else if (values.json) for (const q of questions) process.stdout.write(`${JSON.stringify(toJson(q))}\n`);
      else
        for (const [i, q] of questions.entries())
          process.stdout.write(
            `${i + 1}. ${q.question}\n${q.options.map((o, k) => `   ${q.correct.includes(k) ? "*" : " "} ${String.fromCharCode(65 + k)}. ${o}`).join("\n")}\n   ${q.explanation}\n\n`,
          );
      if (questions.length < n)
        process.stderr.write(
          `cadre: the corpus supports ${questions.length} checked questions, fewer than ${n}\n`,
        );
      return 0;
    }
    case "deadlines": {
      const [action, ...more] = rest;
      return runDeadlines(action, more, {
        corpusDir: config.corpusDir,
        dataDir: config.dataDir,
        json: values.json,
        from: values.from,
        until: values.until,
        configDir: values.config,
        units: values.units,
        recipient: values.recipient,
        id: values.id,
        title: values.title,
        out: (text) => process.stdout.write(text),
      });
    }
    default:
      throw new UsageError(`unknown command '${command}'\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof DeadlinesUsageError ||
      error instanceof ReminderConfigError ||
      error instanceof ConfigError ||
      (bot && error instanceof bot.StartupError) ||
      error instanceof EmbeddingsError ||
      error instanceof PromptError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      process.stderr.write(`cadre: ${(error as Error).message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`cadre: unexpected error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    }
  },
);
