import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { performance } from "node:perf_hooks";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import type { Recorder } from "./recorder.js";
import type { Json } from "./types.js";

/** Envelope types Slack sends over Socket Mode (the ones a Bolt app handles). */
export type EnvelopeType = "events_api" | "slash_commands" | "interactive";

/** An envelope as Slack sends it over the socket. */
export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Json;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** An acknowledgement the app sent back: `{envelope_id, payload?}`, and how long it took. */
export interface SocketAck {
  envelopeId: string;
  payload: Json | undefined;
  latencyMs: number;
  /** True when no envelope with that id was waiting (a late, duplicate or made-up ack). */
  unexpected: boolean;
}

/** Options for one delivery. */
export interface SocketDeliverOptions {
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack before resolving with `acked: false` (default 3000, Slack's limit). */
  ackTimeoutMs?: number;
}

/** The outcome of one delivery. */
export interface SocketDeliveryResult {
  envelope: SocketEnvelope;
  acked: boolean;
  ackMs: number | undefined;
  ackPayload: Json | undefined;
}

interface Pending {
  sentAt: number;
  timer: NodeJS.Timeout;
  resolve: (ack: SocketAck | undefined) => void;
}

/**
 * Slack's Socket Mode side: `apps.connections.open` hands out a one-time URL to `/link/?ticket=…`;
 * on connect the server says `hello`; it answers client pings with pongs (ws does this itself) and,
 * when asked, pings the client; it pushes envelopes and waits for `{envelope_id, payload}` acks.
 */
export class SocketModeServer {
  readonly acks: SocketAck[] = [];
  readonly sent: SocketEnvelope[] = [];
  /** Pings received from clients (@slack/socket-mode pings every clientPingTimeout/3 ms). */
  clientPings = 0;
  /** Pongs received in answer to the server's pings (see `socketPingIntervalMs`). */
  pongs = 0;
  /** Connections that completed the handshake, ever. */
  connectionsOpened = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly open: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly recorder: Recorder,
    private readonly appId: string,
    private readonly wsBaseUrl: () => string,
    private readonly pingIntervalMs = 0,
  ) {}

  /** Connections currently open. */
  get openConnections(): number {
    return this.open.length;
  }

  /** A fresh one-time WebSocket URL, as apps.connections.open returns. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.wsBaseUrl()}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  /** Handles an HTTP upgrade; refuses unknown or reused tickets with 401. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://fake");
    const ticket = url.searchParams.get("ticket") ?? "";
    if (url.pathname !== "/link/" || !this.tickets.delete(ticket)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.open.push(ws);
    this.connectionsOpened += 1;
    const pinger =
      this.pingIntervalMs > 0 ? setInterval(() => ws.ping("fake-slack"), this.pingIntervalMs) : undefined;
    ws.on("ping", () => {
      this.clientPings += 1;
      this.recorder.changed();
    });
    ws.on("pong", () => {
      this.pongs += 1;
      this.recorder.changed();
    });
    ws.on("message", (data) => this.onMessage(String(data)));
    ws.on("close", () => {
      clearInterval(pinger);
      const index = this.open.indexOf(ws);
      if (index >= 0) this.open.splice(index, 1);
      this.recorder.changed();
    });
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.open.length,
        debug_info: { host: "applink-fake", build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.recorder.changed();
  }

  private onMessage(text: string): void {
    let message: Json;
    try {
      message = JSON.parse(text) as Json;
    } catch {
      return; // Slack ignores what it cannot parse; so does the fake
    }
    const envelopeId = typeof message.envelope_id === "string" ? message.envelope_id : "";
    const payload = typeof message.payload === "object" ? (message.payload as Json) : undefined;
    const waiting = this.pending.get(envelopeId);
    this.pending.delete(envelopeId);
    const latencyMs = waiting ? performance.now() - waiting.sentAt : 0;
    const ack: SocketAck = { envelopeId, payload, latencyMs, unexpected: !waiting };
    this.acks.push(ack);
    this.recorder.changed();
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.resolve(ack);
    }
  }

  /** Sends one envelope to the newest open connection and waits for its ack (or the timeout). */
  deliver(
    type: EnvelopeType,
    payload: Json,
    options: SocketDeliverOptions = {},
  ): Promise<SocketDeliveryResult> {
    const ws = this.open.at(-1);
    if (!ws) throw new Error("fake-slack: no Socket Mode connection is open");
    const envelope: SocketEnvelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      // Slack takes a response payload in the ack for commands and view submissions, not for events.
      accepts_response_payload: type === "slash_commands" || payload.type === "view_submission",
      ...(type === "events_api"
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? "" }
        : {}),
    };
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const finish = (ack: SocketAck | undefined): void =>
        resolve({ envelope, acked: ack !== undefined, ackMs: ack?.latencyMs, ackPayload: ack?.payload });
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelope_id);
        finish(undefined);
      }, options.ackTimeoutMs ?? 3000);
      this.pending.set(envelope.envelope_id, { sentAt, timer, resolve: finish });
      this.sent.push(envelope);
      ws.send(JSON.stringify(envelope));
      this.recorder.changed();
    });
  }

  /** Sends Slack's `disconnect` message (the client should close and reconnect with a new URL). */
  sendDisconnect(reason: "warning" | "refresh_requested" | "link_disabled" = "refresh_requested"): void {
    for (const ws of this.open) {
      ws.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-fake" } }));
    }
  }

  /** Drops every connection without a close handshake, as a network failure would. */
  dropConnections(): void {
    for (const ws of [...this.open]) ws.terminate();
  }

  /** Stops everything: open sockets, pending deliveries (they resolve as not acked). */
  close(): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.resolve(undefined);
    }
    this.dropConnections();
    this.wss.close();
  }
}
