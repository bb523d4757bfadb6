import { type Logger, LogLevel } from "@slack/bolt";

/** Severity of a line the Slack adapter (or Bolt inside it) wants to log. */
export type SlackLogLevel = "debug" | "info" | "warn" | "error";
/** Where the adapter logs; `npm start` passes its own, tests collect lines. */
export type SlackLog = (level: SlackLogLevel, message: string) => void;

/** Info to stdout, warnings and errors to stderr, debug dropped. */
export const defaultSlackLog: SlackLog = (level, message) => {
  if (level === "debug") return;
  const line = `[slack] ${level === "info" ? "" : `${level}: `}${message}`;
  if (level === "info") console.log(line);
  else console.error(line);
};

function text(parts: unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? (p.stack ?? p.message) : typeof p === "string" ? p : JSON.stringify(p)))
    .join(" ");
}

/** Bolt's and the Socket Mode client's log calls routed to `log` (debug only when Bolt is set to DEBUG). */
export function boltLogger(log: SlackLog): Logger {
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => {
      if (level === LogLevel.DEBUG) log("debug", text(msg));
    },
    info: (...msg) => log("info", text(msg)),
    warn: (...msg) => log("warn", text(msg)),
    error: (...msg) => log("error", text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
