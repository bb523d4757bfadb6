/**
 * Protocol-faithful fake Slack for tests: the Web API, response_urls, Socket Mode, and senders that
 * deliver signed Events API requests, slash commands and interactions to a real Bolt `App`.
 *
 * ```ts
 * const fake = await FakeSlack.start();
 * const app = new App({ token: fake.botToken, signingSecret, clientOptions: { slackApiUrl: fake.apiUrl } });
 * const server = await app.start({ port: 0, host: "127.0.0.1" });
 * const events = fake.httpEvents({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret });
 * const sent = await events.appMention({ text: "<@U0BOT> nhiệm vụ 4?" });   // status, ackMs, message
 * const reply = await fake.waitFor(() => fake.thread("C0GENERAL", sent.message.ts)[0]);
 * await app.stop(); await fake.close();
 * ```
 * Socket Mode: `new App({ socketMode: true, appToken: fake.appToken, … })`, then `fake.socketEvents()`.
 */
export { type BlockSurface, validateBlocks } from "./blocks.js";
export type {
  Delivery,
  EventSender,
  MessageDelivery,
  SendOptions,
  SocketEventSender,
} from "./event-sender.js";
export { FakeSlack, type FakeSlackOptions } from "./fake-slack.js";
export { type HttpEventSender, type HttpTarget, slackSignature } from "./http-sender.js";
export type { BlockActionInput, SlashCommandInput, UserMessageInput } from "./payloads.js";
export type { EnvelopeType, SocketAck, SocketEnvelope, SocketModeServer } from "./socket-mode.js";
export type {
  ApiCall,
  EphemeralMessage,
  Failure,
  Json,
  ResponseUrlPost,
  SlackChannel,
  SlackUser,
  StoredMessage,
} from "./types.js";
export type { ChannelRateLimit } from "./web-api.js";
export { defaultIdentity, type Workspace, type WorkspaceIdentity } from "./workspace.js";
