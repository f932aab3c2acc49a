import {chromium} from "playwright-core";
const [path] = process.argv.slice(2);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
await page.goto("http://127.0.0.1:4112" + path, {waitUntil: "networkidle", timeout: 180000});
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => document.documentElement.scrollWidth), await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => {
  if (e.getBoundingClientRect().right <= 391) return false;
  for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "hidden" || o === "scroll") return false; }
  return true;
}).slice(0, 8).map((e) => `${e.tagName}.${(e as any).className?.baseVal ?? e.className} parent=${e.parentElement?.tagName}.${e.parentElement?.className} ${Math.round(e.getBoundingClientRect().right)}`)));
await browser.close();
