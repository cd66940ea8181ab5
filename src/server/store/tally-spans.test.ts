import fc from "fast-check";
import { expect, it } from "vitest";
import { tallySpans } from "./tally-spans";

const day = { ms: 86_400_000 };
const hour = { ms: 3_600_000 };
const t = (iso: string) => Date.parse(iso);

it("splits a range into partial hours, partial days of hours and whole days", () => {
  expect(tallySpans(t("2026-11-03T10:20:00Z"), t("2026-11-06T03:00:00Z"), [day, hour])).toEqual([
    { from: t("2026-11-03T10:20:00Z"), until: t("2026-11-03T11:00:00Z") - 1 },
    { from: t("2026-11-03T11:00:00Z"), until: t("2026-11-04T00:00:00Z") - 1, grain: hour },
    { from: t("2026-11-04T00:00:00Z"), until: t("2026-11-06T00:00:00Z") - 1, grain: day },
    { from: t("2026-11-06T00:00:00Z"), until: t("2026-11-06T03:00:00Z") - 1, grain: hour },
    { from: t("2026-11-06T03:00:00Z"), until: t("2026-11-06T03:00:00Z") },
  ]);
});

it("counts a range within one hour on the events, and an empty range not at all", () => {
  const from = t("2026-11-03T10:20:00Z");
  expect(tallySpans(from, from + 60_000, [day, hour])).toEqual([{ from, until: from + 60_000 }]);
  expect(tallySpans(from, from - 1, [day, hour])).toEqual([]);
});

it("covers every millisecond of the range once, each tally span of whole units of its grain", () => {
  const range = fc
    .tuple(fc.integer({ min: -3e11, max: 3e12 }), fc.integer({ min: 0, max: 90 * day.ms }))
    .map(([from, length]) => ({ from, until: from + length }));
  fc.assert(
    fc.property(range, ({ from, until }) => {
      const spans = tallySpans(from, until, [day, hour]);
      expect(spans[0]?.from).toBe(from);
      expect(spans.at(-1)?.until).toBe(until);
      spans.forEach((span, i) => {
        expect(span.from).toBeLessThanOrEqual(span.until);
        if (i > 0) expect(span.from === (spans[i - 1]?.until ?? NaN) + 1).toBe(true);
        if (span.grain) {
          expect(span.from % span.grain.ms === 0).toBe(true);
          expect((span.until + 1) % span.grain.ms === 0).toBe(true);
        }
      });
      expect(spans.filter((span) => !span.grain).length).toBeLessThanOrEqual(2);
    }),
  );
});
