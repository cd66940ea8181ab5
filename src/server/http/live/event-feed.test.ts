import { expect, it, vi } from "vitest";
import { describeEachStore } from "../../store/test-store-factories";
import { eventFeed } from "./event-feed";

describeEachStore((factory) => {
  it("wakes its listeners with the largest id, and once the server stops, polls a closed store no more", async () => {
    const opened = await factory.open();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const latest = await opened.store.latestEventId();
      const shutdown = new AbortController();
      const feed = eventFeed(opened.store, 5, shutdown.signal);
      const woken: number[] = [];
      feed.subscribe((latest) => woken.push(latest));
      await vi.waitFor(() => {
        expect(woken).toEqual([latest]);
      });
      shutdown.abort();
      await opened.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
