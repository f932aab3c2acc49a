import {chromium} from "playwright-core";
const paths = process.argv.slice(2);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
for (const path of paths) {
  const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
  await page.goto("http://127.0.0.1:4112" + path, {waitUntil: "networkidle", timeout: 180000});
  await page.waitForTimeout(1500);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 4).map((e) => `${e.tagName}.${(e as any).className?.baseVal ?? e.className} ${Math.round(e.getBoundingClientRect().right)}`));
  console.log(path, sw, sw > 390 ? wide : "");
  await page.close();
}
await browser.close();
