import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { z } from "zod";
import { apiBase, apiPaths } from "../src/contract/api-paths";
import { withChromium } from "./chromium";
import { signIn } from "./dashboard-sign-in";

export type LighthouseRun = {
  /** Performance score, 0–100. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** What the figures point at: the LCP element and the element that shifted most. */
  lcpElement: string;
  largestShift: { element: string; score: number } | undefined;
};

export type LighthouseProfile = LighthouseRun & {
  /** Every run's score; the other figures are those of the run with the median score. */
  scores: number[];
  /** Runs Lighthouse gave up on (a trace without a navigation start, …) and that were run again. */
  retried: string[];
};

export type LighthouseFigures = {
  url: string;
  lighthouseVersion: string;
  chromium: string;
  /** Lighthouse's default: a mid-range phone, slow 4G and a 4× slower CPU, simulated. */
  mobile: LighthouseProfile;
  /** Lighthouse's desktop preset: 1350×940, 10 Mbit/s at 40 ms, CPU as is, simulated. */
  desktop: LighthouseProfile;
};

/** Lighthouse's scores move by a few points from run to run; the median of three is the figure. */
const runs = 3;
/**
 * About one run in six ends with NO_NAVSTART here (Lighthouse's advice: run it again), with or without the
 * session script; such a run is repeated, up to this many times in all.
 */
const maxRetries = 3;

const nodeSchema = z.object({ selector: z.string(), nodeLabel: z.string().optional() }).loose();
const requestsSchema = z.object({
  items: z.array(z.object({ url: z.string(), statusCode: z.number() }).loose()),
});
const shiftsSchema = z.object({ items: z.array(z.object({ node: nodeSchema, score: z.number() }).loose()) });
const lcpSchema = z.object({
  items: z.array(z.object({ items: z.array(z.object({ node: nodeSchema.optional() }).loose()) }).loose()),
});

/**
 * Lighthouse (performance only, simulated throttling) on `pagePath` of the built dashboard, signed in, with
 * its mobile default and its desktop preset. The dashboard keeps its session in sessionStorage, which belongs
 * to one tab, and Lighthouse opens a tab of its own: so Playwright signs in through the form in one tab, copies
 * that tab's sessionStorage, and an init script of the browser's default context writes it into every new tab
 * of the dashboard's origin before the app's code runs, as a reload of the signed-in tab finds it. Lighthouse's
 * own storage reset (which leaves sessionStorage alone) still empties the HTTP cache: every run is a cold load.
 */
export async function measureLighthouse(options: {
  baseUrl: string;
  pagePath: string;
  orgId: number;
  username: string;
  password: string;
}): Promise<LighthouseFigures> {
  const url = new URL(options.pagePath, options.baseUrl).toString();
  const eventsApi = new URL(`${apiBase}${apiPaths.orgEvents(options.orgId)}`, options.baseUrl).toString();
  return withChromium(async ({ port, browser }) => {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium has no default context.");
    const page = await context.newPage();
    await signIn(page, url, options.username, options.password);
    const session = await page.evaluate(() => Object.entries<string>(sessionStorage));
    if (session.length === 0) throw new Error("Signing in left nothing in sessionStorage.");
    await page.close();
    await context.addInitScript(
      ({ origin, entries }) => {
        if (location.origin !== origin) return;
        for (const [key, value] of entries) sessionStorage.setItem(key, value);
      },
      { origin: new URL(url).origin, entries: session },
    );

    const flags: Flags = { port, hostname: "127.0.0.1", logLevel: "error", onlyCategories: ["performance"] };
    let version = "";
    const profile = async (name: string, config: Config | undefined): Promise<LighthouseProfile> => {
      const results: Result[] = [];
      const retried: string[] = [];
      while (results.length < runs) {
        console.log(`  Lighthouse ${name} ${results.length + 1}/${runs}…`);
        const lhr = (await lighthouse(url, flags, config))?.lhr;
        if (!lhr) throw new Error("Lighthouse returned no result.");
        if (lhr.runtimeError) {
          if (retried.length >= maxRetries) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
          console.log(`  Lighthouse: ${lhr.runtimeError.code}, running it again`);
          retried.push(lhr.runtimeError.code);
          continue;
        }
        assertSignedIn(lhr, eventsApi);
        version = lhr.lighthouseVersion;
        results.push(lhr);
      }
      const measured = results.map(figuresOf).sort((a, b) => a.score - b.score);
      const median = measured[Math.floor(measured.length / 2)];
      if (!median) throw new Error("No Lighthouse run.");
      return { ...median, scores: results.map((lhr) => figuresOf(lhr).score), retried };
    };
    const mobile = await profile("mobile", undefined);
    const desktop = await profile("desktop", desktopConfig);
    return { url, lighthouseVersion: version, chromium: browser.version(), mobile, desktop };
  });
}

function figuresOf(lhr: Result): LighthouseRun {
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse's result has no ${id}.`);
    return value;
  };
  const score = lhr.categories.performance?.score;
  if (score === undefined || score === null) throw new Error("Lighthouse gave no performance score.");
  const shift = shiftsSchema
    .parse(lhr.audits["layout-shifts"]?.details ?? { items: [] })
    .items.reduce<{ element: string; score: number } | undefined>(
      (largest, item) =>
        largest && largest.score >= item.score ? largest : { element: item.node.selector, score: item.score },
      undefined,
    );
  const lcpNode = lcpSchema.parse(lhr.audits["largest-contentful-paint-element"]?.details ?? { items: [] })
    .items[0]?.items[0]?.node;
  return {
    score: Math.round(score * 100),
    fcpMs: numeric("first-contentful-paint"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    speedIndexMs: numeric("speed-index"),
    lcpElement: lcpNode ? `${lcpNode.selector} "${(lcpNode.nodeLabel ?? "").slice(0, 60)}"` : "—",
    largestShift: shift,
  };
}

/** The page Lighthouse measured asked the API for the organisation's events and got them: it was signed in. */
function assertSignedIn(lhr: Result, eventsApi: string): void {
  const requests = requestsSchema.parse(lhr.audits["network-requests"]?.details);
  if (!requests.items.some((item) => item.url.startsWith(eventsApi) && item.statusCode === 200)) {
    const seen = requests.items.map((item) => `${item.url} ${item.statusCode}`).join(", ");
    throw new Error(`Lighthouse's page did not load ${eventsApi} (it asked for ${seen}): was it signed in?`);
  }
}
