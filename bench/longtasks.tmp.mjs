import { chromium, devices } from "playwright-core";
const [base, path, n] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (let i = 0; i < Number(n ?? 3); i++) {
  const context = await browser.newContext({ ...devices["Pixel 5"] });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForSelector("html[data-hydrated]");
  await page.waitForTimeout(500);
  const lt = await page.evaluate(() => window.__lt);
  const tbt = lt.reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
  console.log(path, "tbt~", tbt, JSON.stringify(lt));
  await context.close();
}
await browser.close();
