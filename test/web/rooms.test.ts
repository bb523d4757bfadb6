import { describe, expect, it } from "vitest";
import { type Listener, ROOM_LIMITS, Rooms, type WireMessage } from "../../src/messengers/web/index.js";

// The web chat's rooms in memory: bounded history, private messages to their user alone, only the
// buttons sent to a room may be pressed there, a bounded number of open pages.

const page = (userId: string) => {
  const got: WireMessage[] = [];
  const listener: Listener = { userId, push: (m) => got.push(m) };
  return { listener, got };
};

describe("web chat rooms", () => {
  it("replay the last messages to a page that opens, private ones only to their user", () => {
    const rooms = new Rooms();
    for (let i = 1; i <= ROOM_LIMITS.history + 5; i++)
      rooms.publish("chung", { kind: "user", text: `m${i}` });
    rooms.publish("chung", { kind: "bot", text: "chỉ cho Lan", to: "lan" });
    const lan = page("lan");
    const minh = page("minh");
    rooms.listen("chung", lan.listener);
    rooms.listen("chung", minh.listener, ROOM_LIMITS.history);
    expect(lan.got).toHaveLength(ROOM_LIMITS.history);
    expect(lan.got[0]?.text).toBe("m7");
    expect(lan.got.at(-1)?.text).toBe("chỉ cho Lan");
    expect(minh.got.map((m) => m.text)).toEqual(["m101", "m102", "m103", "m104", "m105"]);
    rooms.publish("chung", { kind: "bot", text: "cho Minh", to: "minh" });
    expect(lan.got.at(-1)?.text).toBe("chỉ cho Lan");
    expect(minh.got.at(-1)?.text).toBe("cho Minh");
  });

  it("know the buttons sent to a room and nothing else", () => {
    const rooms = new Rooms();
    rooms.publish("a", { kind: "bot", text: "x", buttons: [{ label: "👍", action: "fb:+:abc" }] });
    expect(rooms.knows("a", "fb:+:abc")).toBe(true);
    expect(rooms.knows("b", "fb:+:abc")).toBe(false);
    expect(rooms.knows("a", "fb:-:abc")).toBe(false);
  });

  it("refuse a page past the room's limit and take one again when another leaves", () => {
    const rooms = new Rooms();
    const leave = Array.from({ length: ROOM_LIMITS.listeners }, (_, i) =>
      rooms.listen("a", page(`u${i}`).listener),
    );
    expect(leave.every((f) => f !== null)).toBe(true);
    expect(rooms.hasRoom("a")).toBe(false);
    expect(rooms.listen("a", page("late").listener)).toBeNull();
    expect(rooms.hasRoom("b")).toBe(true);
    leave[0]?.();
    expect(rooms.listen("a", page("late").listener)).not.toBeNull();
  });
});
