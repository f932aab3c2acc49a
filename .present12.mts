import {chromium} from "playwright-core";
const examples = {"kita-u3": 9, "ohne-abschluss": 9, "abitur-g8-g9": 10, "uebergang-beruf": 10, "berlin-kinderarmut-kita": 9};
const [w = "1280", h = "720", only = "", shotStep = ""] = process.argv.slice(2);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width: Number(w), height: Number(h)}, locale: "de-DE"});
for (const [slug, n] of Object.entries(examples)) {
  if (only && slug !== only) continue;
  await page.goto(`http://127.0.0.1:4112/fortbildung/${slug}?praesentation=1`, {waitUntil: "networkidle", timeout: 180000});
  await page.waitForSelector(".training-step.is-current");
  for (let s = 1; s <= n; s++) {
    if (s > 1) await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector(".training-step.is-current")?.hasAttribute("data-fit")).catch(() => {}); await page.waitForTimeout(300);
    const m = await page.evaluate(() => {
      const step = document.querySelector(".training-step.is-current")!;
      const bar = document.querySelector(".training-present-bar")!.getBoundingClientRect();
      const tb = document.querySelector(".training-toolbar")?.getBoundingClientRect();
      let bottom = 0; let small = 99; let smallText = "";
      for (const e of step.querySelectorAll("*")) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const cs = getComputedStyle(e);
        if (cs.visibility === "hidden") continue;
        if (e.closest("details:not([open])") && e.tagName !== "SUMMARY" && !e.closest("summary")) continue;
        bottom = Math.max(bottom, r.bottom);
        const hasText = [...e.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim());
        if (hasText) { const f = parseFloat(cs.fontSize); const scale = e.closest("svg") ? (e.closest("svg")!.getBoundingClientRect().width / (Number(e.closest("svg")!.getAttribute("width")) || e.closest("svg")!.getBoundingClientRect().width)) : 1; if (f * scale < small) { small = f * scale; smallText = e.textContent!.slice(0, 30); } }
      }
      const top = step.getBoundingClientRect().top;
      return {fit: (step as HTMLElement).dataset.fit, bottom: Math.round(bottom), barTop: Math.round(bar.top), scroll: document.documentElement.scrollHeight, top: Math.round(top), tbBottom: Math.round(tb?.bottom ?? 0), small: small.toFixed(1), smallText};
    });
    const bad = m.bottom > m.barTop || m.scroll > Number(h);
    console.log(slug, s, JSON.stringify(m), bad ? "OVERFLOW" : "");
    if (shotStep && `${slug}:${s}` === shotStep) await page.screenshot({path: `/tmp/shots12/present-${slug}-${s}.png`});
  }
}
await browser.close();
