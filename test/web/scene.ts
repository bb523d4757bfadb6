import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type App, openApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/index.js";
import { ManualQuizClock } from "../../src/quiz/index.js";
import { startWeb, type Web } from "../../src/web/server.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeClock } from "../support/reminders.js";

/**
 * The web server started in-process on port 0 over a real app (SQLite in a temp data folder, the
 * engine of a corpus), with the reminders' clock and the quiz clock in the test's hands.
 */

/** Two units in units.yaml; "so-noi-vu" owes a monthly report (before the 20th) from March 2025. */
export const UNITS = `units:
  - id: so-noi-vu
    name: Sở Nội vụ
    aliases: [SNV]
  - id: btv
    name: Ban Thường vụ Tỉnh ủy
`;

export const DEADLINES = `deadlines:
  - id: bc-thang
    title: Báo cáo công tác dân vận tháng
    docNumber: 1470-CV/TU
    task: 4
    units: [so-noi-vu]
    recipient: btv
    rule: { kind: monthly, day: 20 }
    startsOn: "2025-03-01"
`;

export interface WebScene {
  app: App;
  web: Web;
  url: string;
  /** The reminders' (and chat core's) clock. */
  clock: FakeClock;
  quizClock: ManualQuizClock;
  logs: string[];
  dataDir: string;
  configDir: string;
  close(): Promise<void>;
}

/** Writes `files` (units.yaml, deadlines.yaml) into a fresh folder. */
export async function configFolder(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "cadre-web-config-"));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Starts the scene; `dataDir`/`configDir` reuse folders (a restart). */
export async function webScene(
  opts: { corpus?: string; dataDir?: string; configDir?: string; start?: string } = {},
): Promise<WebScene> {
  const corpus = opts.corpus ?? SEED_CORPUS;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), "cadre-web-data-")));
  const configDir = opts.configDir ?? (await configFolder());
  const start = opts.start ?? "2025-03-01T00:00:00Z";
  const clock = new FakeClock(start);
  const quizClock = new ManualQuizClock(Date.parse(start));
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const engine = await engineFor(corpus);
  const config = parseConfig({}, { corpus, data: dataDir });
  const app = openApp(config, engine, {
    now: clock.now,
    quizClock,
    configDir,
    log,
    dispatcher: { digest: false },
  });
  const web = await startWeb({ app, engine, port: 0, log, now: clock.now });
  app.outboxes.set("web", web.outbox);
  return {
    app,
    web,
    url: web.url,
    clock,
    quizClock,
    logs,
    dataDir,
    configDir,
    async close() {
      await web.close();
      await app.close();
    },
  };
}

/** POSTs JSON (or a raw string) and returns the status and the parsed body. */
export async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> & { error?: string; code?: string } }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** One page's messages as the server streams them (Server-Sent Events read over fetch). */
export interface Stream {
  messages: Record<string, unknown>[];
  /** Resolves with the first message matching `pred`, waiting for it to arrive. */
  next(pred: (m: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
  close(): void;
}

/** Opens the events stream of `user` in `room`. */
export async function openEvents(
  url: string,
  room: string,
  user: string,
  headers: Record<string, string> = {},
): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/events?room=${encodeURIComponent(room)}&user=${user}`, {
    signal: abort.signal,
    headers,
  });
  if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          buffer = buffer.slice(end + 2);
          if (data) messages.push(JSON.parse(data) as Record<string, unknown>);
          end = buffer.indexOf("\n\n");
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    next(pred, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find(pred);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${what} among ${JSON.stringify(messages).slice(0, 2000)}`));
        }, 20_000);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
