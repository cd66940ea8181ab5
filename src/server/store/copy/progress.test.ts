import { describe, expect, it } from "vitest";
import { progressBar } from "./progress";

function output(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, write: (text: string) => written.push(text) } };
}

describe("the copy's progress", () => {
  it("writes a line at every tenth when stderr is not a terminal", () => {
    const { written, out } = output(false);
    let ms = 0;
    const progress = progressBar(1000, out, () => ms);
    for (let done = 50; done <= 1000; done += 50) {
      ms += 100;
      progress.update(done);
    }
    progress.finish();
    expect(written).toHaveLength(10);
    expect(written[0]).toBe("events: 10.0% (100 of 1,000), 500 rows/s\n");
    expect(written[9]).toBe("events: 100.0% (1,000 of 1,000), 500 rows/s\n");
  });

  it("redraws one line in place on a terminal, at most ten times a second", () => {
    const { written, out } = output(true);
    let ms = 0;
    const progress = progressBar(4000, out, () => ms);
    for (let done = 100; done <= 4000; done += 100) {
      ms += 25;
      progress.update(done);
    }
    progress.finish();
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.slice(0, -1).every((text) => text.startsWith("\r[") && !text.includes("\n"))).toBe(true);
    expect(written[0]).toContain("100 of 4,000 events, 4,000 rows/s, 1 s left");
    expect(written.at(-2)).toContain("100.0% 4,000 of 4,000 events");
    expect(written.at(-1)).toBe("\n");
  });

  it("says it is done when there was nothing to copy", () => {
    const { written, out } = output(false);
    progressBar(0, out).finish();
    expect(written).toEqual(["events: 100.0% (0 of 0), 0 rows/s\n"]);
  });
});
