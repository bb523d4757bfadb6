import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The checkout's root, where `npm start` runs. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A loopback port that was free a moment ago (for servers a test or a child process starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** `npm start` running as a child process, with everything it printed so far. */
export interface Started {
  child: ChildProcess;
  /** stdout and stderr together, as printed so far. */
  output(): string;
  /** The exit status, once it exits. */
  exit: Promise<number | null>;
  /** Waits until the output matches `pattern` and returns the match; rejects when the child exits first. */
  until(pattern: RegExp, ms: number): Promise<RegExpMatchArray>;
  /** Kills the child if it still runs (for `afterAll`). */
  kill(): void;
}

/**
 * Spawns `npm start` over a fresh data folder with `env` added to this process's environment (a
 * value of "" unsets a variable), stdin closed as under a service manager.
 */
export async function startCadre(env: Record<string, string>): Promise<Started> {
  const data = await mkdtemp(path.join(tmpdir(), "cadre-start-"));
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(env)) {
    if (value === "") delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn("npm", ["start", "--silent", "--", "--data", data], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (b: Buffer) => {
    output += b.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exit,
    until(pattern, ms) {
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const look = () => {
          const m = output.match(pattern);
          if (m) resolve(m);
          else if (child.exitCode !== null)
            reject(new Error(`npm start exited with ${child.exitCode}:\n${output}`));
          else if (Date.now() > deadline)
            reject(new Error(`no ${pattern} within ${ms} ms; output:\n${output}`));
          else setTimeout(look, 50);
        };
        look();
      });
    },
    kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
