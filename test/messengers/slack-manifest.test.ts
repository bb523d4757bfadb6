import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH, SLASH_COMMAND } from "../../src/messengers/slack/index.js";

const MANIFEST = path.resolve(import.meta.dirname, "../../deploy/slack-app-manifest.yaml");

interface Manifest {
  features: {
    slash_commands: { command: string; url: string }[];
    app_home: { messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

describe("the Slack app manifest matches the adapter", () => {
  const manifest = parse(readFileSync(MANIFEST, "utf8")) as Manifest;

  it("subscribes to the events, command and interactivity the adapter handles, at its path", () => {
    const { settings, features, oauth_config } = manifest;
    expect(settings.event_subscriptions.bot_events.sort()).toEqual(["app_mention", "message.im"]);
    expect(features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    expect(settings.interactivity.is_enabled).toBe(true);
    expect(features.app_home.messages_tab_enabled).toBe(true);
    expect(settings.socket_mode_enabled).toBe(false);
    const urls = [
      settings.event_subscriptions.request_url,
      settings.interactivity.request_url,
      ...features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    for (const scope of [
      "app_mentions:read",
      "chat:write",
      "commands",
      "im:history",
      "im:read",
      "im:write",
    ]) {
      expect(oauth_config.scopes.bot).toContain(scope);
    }
  });
});
