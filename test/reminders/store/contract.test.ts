import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createMemoryStore, openSqliteStore } from "../../../src/store/index.js";
import { storeContract } from "../../support/store-contract.js";

const dir = mkdtempSync(path.join(tmpdir(), "cadre-store-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract("in memory", createMemoryStore);
storeContract("SQLite file", () => {
  n += 1;
  return openSqliteStore(path.join(dir, `db-${n}`, "cadre.db")).store;
});
