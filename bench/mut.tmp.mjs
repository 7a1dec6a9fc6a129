import { chromium } from "playwright-core";
const [base, path] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text().slice(0, 300)));
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.addInitScript(() => {
  window.__muts = [];
  new MutationObserver((l) => { for (const m of l) { if (m.type === "childList" && (m.removedNodes.length || m.addedNodes.length)) window.__muts.push(`${m.target.nodeName}.${m.target.className} -${[...m.removedNodes].map(n=>n.nodeName).join(",")} +${[...m.addedNodes].map(n=>n.nodeName).join(",")}`); } })
    .observe(document, { childList: true, subtree: true });
});
await page.goto(base + path, { waitUntil: "networkidle" });
await page.waitForTimeout(1500);
const muts = await page.evaluate(() => window.__muts);
console.log(muts.filter(m => !m.startsWith("HEAD")).slice(-40).join("\n"));
await browser.close();
