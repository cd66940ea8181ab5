/** How the copy tells of its events: how many are in so far, and that it is done. */
export type Progress = { update: (done: number) => void; finish: () => void };

/** Where the progress goes: stderr, or anything with its `isTTY` and `write`. */
export type ProgressOutput = { isTTY?: boolean; write(text: string): unknown };

const barWidth = 30;
const redrawMs = 100;
const count = (n: number) => n.toLocaleString("en");

/**
 * The events copied of `total`, with rows per second since the start: a bar redrawn in place on a
 * terminal (at most ten times a second), and otherwise a line at every tenth, for logs.
 */
export function progressBar(
  total: number,
  out: ProgressOutput,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let done = 0;
  let drawnAt = -Infinity;
  let tenthsShown = 0;
  const measure = () => {
    const seconds = Math.max(now() - started, 1) / 1000;
    const share = total === 0 ? 1 : done / total;
    // Rounded down: 100.0% only once every event is in.
    return { share, rate: done / seconds, percent: `${(Math.floor(share * 1000) / 10).toFixed(1)}%` };
  };
  const draw = () => {
    const { share, rate, percent } = measure();
    const filled = Math.round(share * barWidth);
    const left = rate > 0 && done < total ? `, ${Math.ceil((total - done) / rate)} s left` : "";
    out.write(
      `\r[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${percent.padStart(6)} ` +
        `${count(done)} of ${count(total)} events, ${count(Math.round(rate))} rows/s${left}\x1b[K`,
    );
    drawnAt = now();
  };
  const line = () => {
    const { rate, percent } = measure();
    out.write(`events: ${percent} (${count(done)} of ${count(total)}), ${count(Math.round(rate))} rows/s\n`);
  };
  return {
    update(copied) {
      done = copied;
      if (out.isTTY) {
        if (now() - drawnAt >= redrawMs) draw();
        return;
      }
      const tenths = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenths > tenthsShown) {
        tenthsShown = tenths;
        line();
      }
    },
    finish() {
      if (out.isTTY) {
        draw();
        out.write("\n");
      } else if (tenthsShown < 10) line();
    },
  };
}
