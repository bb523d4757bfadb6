import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createChat } from "../../src/chat/index.js";
import { SqliteAnswerLog } from "../../src/store/answer-log.js";
import { openDatabase } from "../../src/store/database.js";
import { engineFor, SEED_CORPUS } from "../support/engine.js";

describe("the answer log in SQLite", () => {
  it("keeps answers and feedback across a reopen, one vote per person", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cadre-answers-")), "cadre.db");
    const engine = await engineFor(SEED_CORPUS);
    const first = openDatabase(file);
    const chat = createChat({ ...engine, answers: new SqliteAnswerLog(first.db) });
    const [reply] = await chat.handle({
      messenger: "telegram",
      chatId: "-1",
      userId: "7",
      isPrivate: true,
      text: "nhiệm vụ 7 của 1470-CV/TU yêu cầu gì?",
    });
    const [passage, up] = reply?.buttons ?? [];
    first.db.close();

    // After a restart, the buttons of yesterday's answer still work.
    const second = openDatabase(file);
    const log = new SqliteAnswerLog(second.db);
    const again = createChat({ ...engine, answers: log });
    const press = (action: string | undefined, userId: string) =>
      again.handle({ messenger: "telegram", chatId: "-1", userId, isPrivate: true, text: "", action });
    const [full] = await press(passage?.action, "8");
    expect(full?.text).toContain("Département de la propagande");
    await press(up?.action, "8");
    await press(up?.action, "8");
    await press(`fb:-:${up?.action.split(":")[2] ?? ""}`, "9");
    expect(log.feedback()).toEqual([{ question: "nhiệm vụ 7 của 1470-CV/TU yêu cầu gì?", up: 1, down: 1 }]);
    second.db.close();
  });
});
