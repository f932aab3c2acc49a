import {chromium} from "playwright-core";
import {serveStatic} from "./pipelines/site/serve-dist.ts";
const server = await serveStatic("dist");
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
await page.goto(server.url + "/karte/", {waitUntil: "networkidle", timeout: 180000});
console.log(await page.evaluate(() => document.documentElement.scrollWidth), await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => {
  if (e.getBoundingClientRect().right <= 391) return false;
  for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "hidden" || o === "scroll") return false; }
  return true;
}).slice(0, 6).map((e) => `${e.tagName}.${(e as any).className?.baseVal ?? e.className} parent=${e.parentElement?.tagName}.${e.parentElement?.className} ${Math.round(e.getBoundingClientRect().right)}`)));
await browser.close(); await server.close();
