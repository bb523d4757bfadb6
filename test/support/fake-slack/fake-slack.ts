import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SocketEventSender } from "./event-sender.js";
import { HttpEventSender, type HttpTarget } from "./http-sender.js";
import type { PayloadContext } from "./payloads.js";
import { FailureQueue, Recorder } from "./recorder.js";
import { ResponseUrls } from "./response-url.js";
import { SocketModeServer } from "./socket-mode.js";
import type { ApiCall, Clock, EphemeralMessage, Failure, ResponseUrlPost, StoredMessage } from "./types.js";
import { type ChannelRateLimit, WebApi } from "./web-api.js";
import { defaultIdentity, Workspace, type WorkspaceIdentity } from "./workspace.js";

/** Options for `FakeSlack.start`; everything has a default. */
export interface FakeSlackOptions extends Partial<WorkspaceIdentity> {
  /** The only bot token the Web API accepts (default `xoxb-fake-bot-token`). */
  botToken?: string;
  /** The only app-level token, for apps.connections.open (default `xapp-fake-app-token`). */
  appToken?: string;
  /** Clock for message ts, event_time and trigger_id expiry (default real time). */
  now?: Clock;
  /** Ping Socket Mode clients this often (ms); 0 (default) never pings. */
  socketPingIntervalMs?: number;
  /** Refuse chat.postMessage with 429 above this many posts per channel per window. Off by default. */
  channelRateLimit?: ChannelRateLimit;
}

/**
 * A local stand-in for Slack: the Web API at `apiUrl`, response_urls, and Socket Mode, all on one
 * loopback port, plus senders that deliver events to an app over signed HTTP or the socket.
 * Start one per test file (`await FakeSlack.start()`), point `new App({clientOptions: {slackApiUrl:
 * fake.apiUrl}})` at it, and `await fake.close()` at the end.
 */
export class FakeSlack {
  readonly workspace: Workspace;
  readonly socket: SocketModeServer;
  readonly botToken: string;
  readonly appToken: string;
  private readonly recorder = new Recorder();
  private readonly failures = new FailureQueue();
  private readonly responseUrls: ResponseUrls;
  private readonly webApi: WebApi;
  private readonly server: Server;
  private readonly payloadContext: PayloadContext;

  private constructor(options: FakeSlackOptions) {
    const { botToken, appToken, now, socketPingIntervalMs, channelRateLimit, ...identity } = options;
    this.botToken = botToken ?? "xoxb-fake-bot-token";
    this.appToken = appToken ?? "xapp-fake-app-token";
    this.workspace = new Workspace({ ...defaultIdentity, ...identity }, now ?? Date.now);
    this.socket = new SocketModeServer(
      this.recorder,
      this.workspace.identity.apiAppId,
      () => this.baseUrl.replace(/^http/, "ws"),
      socketPingIntervalMs,
    );
    this.responseUrls = new ResponseUrls(this.workspace, this.recorder, () => this.baseUrl);
    this.webApi = new WebApi({
      ws: this.workspace,
      recorder: this.recorder,
      failures: this.failures,
      botToken: this.botToken,
      appToken: this.appToken,
      openSocketUrl: () => this.socket.issueUrl(),
      ...(channelRateLimit ? { channelRateLimit } : {}),
    });
    this.payloadContext = {
      ws: this.workspace,
      issueResponseUrl: (origin) => this.responseUrls.issue(origin),
    };
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      });
    });
    this.server.on("upgrade", (req, socket, head) => this.socket.handleUpgrade(req, socket, head));
  }

  /** Starts a fake on an ephemeral loopback port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once("error", reject);
      fake.server.listen(0, "127.0.0.1", () => resolve());
    });
    return fake;
  }

  /** `http://127.0.0.1:PORT`. */
  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The Web API root, ending in `/api/`: pass it as `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** Web API calls received, oldest first, optionally only those of one method. */
  calls(method?: string): ApiCall[] {
    return this.recorder.calls.filter((c) => method === undefined || c.method === method);
  }

  /** Messages the app posted (chat.postMessage or an in_channel response), oldest first; deleted ones flagged. */
  posted(channel?: string): StoredMessage[] {
    const bot = this.workspace.identity.botUserId;
    return this.workspace.messages.filter(
      (m) => m.user === bot && (channel === undefined || m.channel === channel),
    );
  }

  /** Every live message of a channel, people's and the app's. */
  history(channel: string): StoredMessage[] {
    return this.workspace.messages.filter((m) => m.channel === channel && !m.deleted);
  }

  /** Live replies in the thread of `threadTs` (the parent excluded). */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.history(channel).filter((m) => m.thread_ts === threadTs && m.ts !== threadTs);
  }

  /** Ephemeral messages, optionally for one channel and/or one user. */
  ephemerals(channel?: string, user?: string): EphemeralMessage[] {
    return this.workspace.ephemerals.filter(
      (e) => (channel === undefined || e.channel === channel) && (user === undefined || e.user === user),
    );
  }

  /** POSTs the app made to response_urls this fake issued (refused ones have status 400). */
  responses(): ResponseUrlPost[] {
    return [...this.recorder.responses];
  }

  /** Makes the next call(s) of `method` fail as described (429, an error code, an HTTP status, a hang). */
  failNext(method: string, failure: Failure): void {
    this.failures.add(method, failure);
  }

  /**
   * Resolves with the first truthy value of `probe`, re-checked whenever the fake records something;
   * rejects after `timeoutMs`. E.g. `await fake.waitFor(() => fake.posted("C0GENERAL")[0], 2000)`.
   */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 2000, what?: string): Promise<T> {
    return this.recorder.waitFor(probe, timeoutMs, what);
  }

  /** A sender that delivers to a Bolt HTTP receiver at `target.url`, signed with `target.signingSecret`. */
  httpEvents(target: HttpTarget): HttpEventSender {
    return new HttpEventSender(this.payloadContext, target);
  }

  /** A sender that delivers over this fake's Socket Mode connection (the app must be connected). */
  socketEvents(): SocketEventSender {
    return new SocketEventSender(this.payloadContext, this.socket);
  }

  /** Closes sockets, hung requests and the server. Stop the app first, or it will try to reconnect. */
  async close(): Promise<void> {
    this.socket.close();
    this.webApi.stop();
    this.failures.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", this.baseUrl).pathname;
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    const response = /^\/response\/([0-9a-f-]+)$/.exec(path);
    if (req.method === "POST" && api) return this.webApi.handle(req, res, api[1]!);
    if (req.method === "POST" && response) return this.responseUrls.handle(req, res, response[1]!);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}
