import { chromium } from "playwright-core";
import lighthouse from "lighthouse";
const [base, path, n] = process.argv.slice(2);
const port = 9334;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [`--remote-debugging-port=${port}`] });
for (let i = 0; i < Number(n ?? 3); i++) {
  const { lhr } = await lighthouse(base + path, { port, output: "json", logLevel: "error" });
  const lt = lhr.audits["long-tasks"].details?.items ?? [];
  console.log(path, Math.round(lhr.categories.performance.score * 100), "TBT", Math.round(lhr.audits["total-blocking-time"].numericValue),
    lt.map((t) => `${t.url.replace(base, "").slice(-30)}@${Math.round(t.startTime)}:${Math.round(t.duration)}`).join("  "));
}
await browser.close();
