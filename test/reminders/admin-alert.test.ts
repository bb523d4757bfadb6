import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApp } from "../../src/app.js";
import { DeliveryError, type Destination, type Outbox, type Reply } from "../../src/chat/index.js";
import { parseConfig } from "../../src/config/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";

// A unit's group the bot was removed from: the reminder fails for good, and the admins listed in
// BOT_ADMINS hear of it in their private chats, once, not at every later step.

const UNITS = `units:
  - id: so-noi-vu
    name: Sở Nội vụ
    chats: ["telegram:-100"]
`;
const DEADLINES = `deadlines:
  - id: bc-thang
    title: Báo cáo nhanh tháng
    units: [so-noi-vu]
    rule: { kind: monthly, day: 25 }
    startsOn: "2025-03-01"
`;

describe("a chat the bot can no longer reach", () => {
  it("is reported to the admins once, in their private chats", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cadre-alert-"));
    const configDir = path.join(dir, "config");
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, "units.yaml"), UNITS);
    writeFileSync(path.join(configDir, "deadlines.yaml"), DEADLINES);
    let now = new Date("2025-03-18T01:00:00Z"); // 08:00 in Hà Nội, 7 days before 25/3
    const config = parseConfig(
      { BOT_ADMINS: "telegram:42 slack:U0ADMIN" },
      { corpus: SEED_CORPUS, data: dir },
    );
    const app = openApp(config, await engineFor(SEED_CORPUS), {
      now: () => now,
      configDir,
      dispatcher: { digest: false },
    });
    const sent: { to: Destination; reply: Reply }[] = [];
    const telegram: Outbox = {
      messenger: "telegram",
      async send(to, reply) {
        if (to.chatId === "-100")
          throw new DeliveryError("permanent", "403: bot was kicked from the group chat");
        sent.push({ to, reply });
        return { messageIds: ["1"] };
      },
    };
    app.outboxes.set("telegram", telegram);
    try {
      await app.dispatcher.tick();
      now = new Date("2025-03-22T01:00:00Z"); // the "3 days before" step fails too
      await app.dispatcher.tick();
      await new Promise((resolve) => setImmediate(resolve));
      expect(sent.map((s) => s.to.chatId)).toEqual(["42"]);
      expect(sent[0]?.reply.text).toContain("Sở Nội vụ");
      expect(sent[0]?.reply.text).toContain("bot was kicked");
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
