/**
 * The profile page budget, in headless Chromium against dist/ on localhost (run after the
 * site build): bytes transferred on a cold load (gzip, as a server with compression sends
 * them), time from navigation to the first drawn chart (the "Auf einen Blick" sparklines or a
 * card's Plot chart, whichever comes first), and time until the overview and every card in the
 * viewport show a newly chosen peer group. Medians over several regions.
 */
import {gzipSync} from "node:zlib";
import {join} from "node:path";
import {launchBrowser} from "../pipelines/site/chromium.ts";
import {serveStatic} from "../pipelines/site/serve-dist.ts";
import {median, round, type Measurement} from "./types.ts";

const REGIONS = ["05315", "09184", "11000", "14612", "03241"];
const SWITCH_TO = ["kreise", "aehnliche", "kreisfrei", "kreise"];

/**
 * Runs in the page: picks a peer group and resolves when every card in the viewport shows it.
 * A string, because tsx would otherwise add helper calls the page does not have.
 */
const SWITCH_SCRIPT = `async (group) => {
  const select = document.querySelector("#peer-group");
  if (!select || ![...select.options].some((o) => o.value === group)) return null;
  const visible = () => [...document.querySelectorAll(".indicator-card, .steckbrief-slot")].filter((card) => {
    const box = card.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  });
  const start = performance.now();
  select.value = group;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  return new Promise((done) => {
    const check = () => (visible().every((card) => card.dataset.drawnFor === "gruppe:" + group) ? done(performance.now() - start) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}`;

export const profilePage: Measurement = {
  keys: ["profile_page_kb_gz", "profile_first_chart_ms", "peer_switch_ms"],
  async run({root, log}) {
    const server = await serveStatic(join(root, "dist"));
    const browser = await launchBrowser();
    const bytes: number[] = [];
    const firstChart: number[] = [];
    const switches: number[] = [];
    try {
      for (const region of REGIONS) {
        // The probes below are evaluated as strings, which the pages' CSP (rightly) forbids.
        const context = await browser.newContext({viewport: {width: 1280, height: 900}, bypassCSP: true});
        const page = await context.newPage();
        let total = 0;
        page.on("response", async (response) => {
          const body = await response.body().catch(() => null);
          if (body) total += gzipSync(body).length;
        });
        await page.goto(`${server.url}/profil/${region}`);
        await page.waitForFunction(`document.querySelector("main svg[class^='plot'], main .overview-table svg.sparkline path") !== null`, null, {polling: "raf", timeout: 30_000});
        firstChart.push((await page.evaluate("performance.now()")) as number);
        await page.waitForLoadState("networkidle");
        bytes.push(total / 1000);
        for (const group of SWITCH_TO) {
          const ms = (await page.evaluate(`(${SWITCH_SCRIPT})(${JSON.stringify(group)})`)) as number | null;
          if (ms !== null) switches.push(ms);
        }
        await context.close();
        log(`${region}: ${round(total / 1000, 0)} KB gz, erstes Diagramm nach ${round(firstChart.at(-1)!, 0)} ms`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return [
      {key: "profile_page_kb_gz", value: round(median(bytes), 0), unit: "KB", target: "≤ 300", note: `median over ${REGIONS.join(", ")}: HTML, JS, CSS and data of a cold load, each response gzipped`},
      {key: "profile_first_chart_ms", value: round(median(firstChart), 0), unit: "ms", target: "≤ 1500", note: "navigation start → first chart in the DOM (overview sparklines or a card's Plot chart), headless Chromium, localhost"},
      {key: "peer_switch_ms", value: switches.length ? round(median(switches), 0) : null, unit: "ms", target: "≤ 150", note: `median of ${switches.length} switches (${SWITCH_TO.join(" → ")}) until the overview table and every card in the viewport show the new group`}
    ];
  }
};
