/**
 * A `reminder-child.ts` dispatcher process seen from the parent: spawned with `node --import tsx`,
 * driven over its line protocol, SIGKILLed at will.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./reminder-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A dispatcher process and its line protocol. */
export class Child {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private exited = false;
  private doneWaiters: { k: number; resolve: () => void }[] = [];
  /** The last tick index the child reported done (-1 before any). */
  lastDone = -1;
  readonly exit: Promise<number | null>;
  stderr = "";
  constructor(
    db: string,
    log: string,
    readonly owner: string,
    policy = "resend",
    maxDelayMs = 2,
  ) {
    this.proc = spawn(
      process.execPath,
      ["--import", "tsx", CHILD, db, log, owner, policy, String(maxDelayMs)],
      { cwd: ROOT },
    );
    this.proc.stderr.on("data", (d: Buffer) => {
      this.stderr += d.toString();
    });
    createInterface({ input: this.proc.stdout }).on("line", (line) => this.onLine(line));
    this.exit = new Promise((resolve) =>
      this.proc.on("exit", (code) => {
        this.exited = true;
        this.waiting?.(null);
        for (const w of this.doneWaiters) w.resolve();
        resolve(code);
      }),
    );
  }
  private onLine(line: string) {
    if (line.startsWith("done ")) {
      this.lastDone = Number(line.slice(5));
      for (const w of this.doneWaiters.filter((x) => x.k <= this.lastDone)) w.resolve();
      this.doneWaiters = this.doneWaiters.filter((x) => x.k > this.lastDone);
    } else if (this.waiting) {
      this.waiting(line);
      this.waiting = null;
    } else this.lines.push(line);
  }
  private next(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.exited) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
  private async expect(line: string) {
    const got = await this.next();
    if (got !== line)
      throw new Error(
        `${this.owner}: expected "${line}", got ${JSON.stringify(got)}; stderr: ${this.stderr}`,
      );
  }
  /** Resolves once the child has loaded its modules. */
  ready = () => this.expect("ready");
  /** Lets it open the database. */
  async go() {
    this.proc.stdin.write("go\n");
    await this.expect("open");
  }
  /** Starts ticks `from`..`to` (scenario indices); resolves at once. */
  run(from: number, to: number) {
    this.proc.stdin.write(`run ${from} ${to}\n`);
  }
  /** Resolves when tick `k` is done (or the child has exited). */
  done(k: number): Promise<void> {
    if (this.lastDone >= k || this.exited) return Promise.resolve();
    return new Promise((resolve) => this.doneWaiters.push({ k, resolve }));
  }
  /** SIGKILL, then wait for the exit (and every line it wrote before dying). */
  async kill() {
    this.proc.kill("SIGKILL");
    await this.exit;
  }
  /** Asks it to close the database and leave. */
  async close() {
    if (!this.exited) this.proc.stdin.end("exit\n");
    await this.exit;
  }
}
