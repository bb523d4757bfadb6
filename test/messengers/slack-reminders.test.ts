import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/index.js";
import { type Served, serveRoutes } from "../../src/messengers/http.js";
import { createSlack, SLACK_EVENTS_PATH } from "../../src/messengers/slack/index.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";
import { FakeSlack, type StoredMessage } from "../support/fake-slack/index.js";

// A reminder in a Slack channel: units and the deadline declared in YAML (the --config folder), the
// app's dispatcher ticked at a chosen time, the real Bolt App (createSlack over HTTP) against the
// fake Slack, and a click on the reminder's "Đã báo cáo" button recorded in the store.

const SECRET = "test-signing-secret";
const WAIT_MS = 15_000;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const UNITS = `units:
  - id: btv
    name: Ban Thường vụ Tỉnh ủy
    chats: ["slack:C0BTV"]
  - id: so-noi-vu
    name: Sở Nội vụ
    aliases: [SNV]
    chats: ["slack:C0GENERAL"]
`;
const DEADLINES = `deadlines:
  - id: bc-thang
    title: Báo cáo nhanh tháng
    docNumber: 112/KH-UBND
    units: [SNV]
    recipient: btv
    rule: { kind: monthly, day: 25 }
    startsOn: "2025-03-01"
`;

describe("a reminder in a Slack channel", () => {
  it("carries both buttons as Block Kit actions; a click on 'Đã báo cáo' is recorded and answered privately", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cadre-rem-slack-"));
    const configDir = path.join(dir, "config");
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, "units.yaml"), UNITS);
    writeFileSync(path.join(configDir, "deadlines.yaml"), DEADLINES);
    let now = new Date("2025-03-24T01:00:00Z"); // Monday 08:00 in Hà Nội: "1 day before" 25/3
    const app = openApp(parseConfig({}, { corpus: SEED_CORPUS, data: dir }), await engineFor(SEED_CORPUS), {
      now: () => now,
      configDir,
      dispatcher: { digest: false },
    });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => app.close());
    const fake = await FakeSlack.start();
    const slack = createSlack({
      botToken: fake.botToken,
      signingSecret: SECRET,
      apiUrl: fake.apiUrl,
      chat: app.chat,
      log: () => {},
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    });
    await slack.start();
    const served: Served = await serveRoutes(slack.routes, { port: 0 });
    cleanups.push(
      () => fake.close(),
      () => served.close(),
      () => slack.stop(),
    );
    app.outboxes.set("slack", slack.outbox);
    const events = fake.httpEvents({ url: `${served.url}${SLACK_EVENTS_PATH}`, signingSecret: SECRET });

    expect((await app.dispatcher.tick()).sent).toBe(1);
    const [reminder] = fake.posted("C0GENERAL");
    if (!reminder) throw new Error("no reminder posted");
    expect(reminder.text ?? JSON.stringify(reminder.blocks)).toContain("Báo cáo nhanh tháng");
    const buttons = (reminder.blocks ?? [])
      .map(
        (b) =>
          b as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] },
      )
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.value)).toEqual([
      "rem:done:bc-thang.20250325:so-noi-vu",
      "rem:ext:bc-thang.20250325:so-noi-vu",
    ]);
    const done = buttons[0];
    if (!done) throw new Error("no button");
    await events.blockAction({
      channel: "C0GENERAL",
      messageTs: reminder.ts,
      actionId: done.action_id,
      user: "U0BINH",
    });
    const notice = await fake.waitFor(() => fake.ephemerals("C0GENERAL", "U0BINH")[0], WAIT_MS, "ack");
    expect(notice.text).toContain("Đã ghi nhận: Sở Nội vụ đã báo cáo");
    expect(app.reminders.statuses.get("bc-thang", "2025-03-25", "so-noi-vu")).toMatchObject({
      reportedBy: "slack:U0BINH",
      reportedAt: "2025-03-24T01:00:00.000Z",
    });
    // The day's step is no longer sent to the channel that answered.
    now = new Date("2025-03-25T01:00:00Z");
    await app.dispatcher.tick();
    expect(fake.posted("C0GENERAL") as StoredMessage[]).toHaveLength(1);
  });
});
