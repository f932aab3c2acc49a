import {chromium} from "playwright-core";
const base = process.env.BASE ?? "http://127.0.0.1:4112";
const [path, out, w = "1280", h = "800", y0 = "0", hh = "1400", sel = ""] = process.argv.slice(2);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width: Number(w), height: Number(h)}, locale: "de-DE"});
const errors: string[] = [];
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
page.on("pageerror", (e) => errors.push(e.message));
await page.goto(base + path, {waitUntil: "networkidle", timeout: 120000});
if (sel) { await page.locator(sel).first().scrollIntoViewIfNeeded(); }
await page.waitForTimeout(1500);
if (sel) await page.locator(sel).first().screenshot({path: out});
else await page.screenshot({path: out, fullPage: true, clip: {x: 0, y: Number(y0), width: Number(w), height: Number(hh)}});
console.log("scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth), errors);
await browser.close();
