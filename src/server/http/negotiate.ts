import { ApiError } from "./api-error";

export const jsonType = "application/json";
export const csvType = "text/csv";
export const eventStreamType = "text/event-stream";

type MediaRange = { type: string; subtype: string; q: number };

/**
 * The offered media type the `Accept` header prefers (the first offer when Accept is absent or ties);
 * 406 when it accepts none of them.
 */
export function negotiate<T extends string>(accept: string | undefined, offers: readonly [T, ...T[]]): T {
  if (accept === undefined || accept.trim() === "") return offers[0];
  const ranges = parseAccept(accept);
  let best: { offer: T; q: number } | undefined;
  for (const offer of offers) {
    const q = qualityOf(offer, ranges);
    if (q > 0 && (!best || q > best.q)) best = { offer, q };
  }
  if (!best) {
    throw new ApiError(
      "not_acceptable",
      `This endpoint answers ${offers.join(" or ")}; the Accept header allows none of that.`,
    );
  }
  return best.offer;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of accept.split(",")) {
    const [range = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split("/");
    if (!type || !subtype) continue;
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    ranges.push({ type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 });
  }
  return ranges;
}

/** The q of the most specific range matching the offer (RFC 9110 §12.5.1). */
function qualityOf(offer: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = offer.split("/");
  let specificity = -1;
  let q = 0;
  for (const range of ranges) {
    const matches =
      (range.type === "*" && range.subtype === "*") ||
      (range.type === type && (range.subtype === "*" || range.subtype === subtype));
    const rank = range.type === "*" ? 0 : range.subtype === "*" ? 1 : 2;
    if (matches && rank > specificity) {
      specificity = rank;
      q = range.q;
    }
  }
  return q;
}
