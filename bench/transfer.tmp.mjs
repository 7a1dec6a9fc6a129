import { chromium, devices } from "playwright-core";
const [base, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const path of paths) {
  const context = await browser.newContext({ ...devices["Pixel 5"] });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let total = 0;
  cdp.on("Network.loadingFinished", (e) => { total += e.encodedDataLength; });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForSelector("html[data-hydrated]");
  await page.waitForTimeout(300);
  console.log(path, (total / 1024).toFixed(1), "KB");
  await context.close();
}
await browser.close();
