import {chromium} from "playwright-core";
const [path] = process.argv.slice(2);
const browser = await chromium.launch({executablePath: "/usr/bin/chromium", args: ["--no-sandbox"]});
const page = await browser.newPage({viewport: {width: 390, height: 844}, locale: "de-DE"});
await page.goto("http://127.0.0.1:4112" + path, {waitUntil: "networkidle", timeout: 180000});
await page.waitForTimeout(1500);
console.log(await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 391 && e.children.length === 0 || e.tagName==="DIV" && e.getBoundingClientRect().right > 391).slice(0, 12).map((e) => `${e.tagName}.${(e as any).className?.baseVal ?? e.className} parent=${e.parentElement?.className} ${Math.round(e.getBoundingClientRect().left)}-${Math.round(e.getBoundingClientRect().right)} ${getComputedStyle(e).width}`)));
await browser.close();
