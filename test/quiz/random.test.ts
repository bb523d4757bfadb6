import { describe, expect, it } from "vitest";
import { Random } from "../../src/quiz/random.js";

describe("the seeded random generator", () => {
  it("repeats its sequence for a seed and differs for another", () => {
    const draw = (seed: number | string) => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw("7")).toEqual(draw(7));
    expect(draw(8)).not.toEqual(draw(7));
    for (const x of draw("range")) expect(x >= 0 && x < 1).toBe(true);
  });

  it("shuffles into a permutation without touching the input", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Random(1).shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items[0]).toBe(0);
  });

  it("forks generators that do not depend on draws made elsewhere", () => {
    const a = new Random(3);
    const b = new Random(3);
    b.next();
    b.next();
    expect(a.fork("kinds").next()).toBe(b.fork("kinds").next());
    expect(a.fork("kinds").next()).not.toBe(a.fork("order").next());
  });
});
