import { chromium } from "playwright-core";
import lighthouse from "lighthouse";
const [base, path] = process.argv.slice(2);
const port = 9335;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [`--remote-debugging-port=${port}`] });
const { lhr } = await lighthouse(base + path, { port, output: "json", logLevel: "error" });
for (const a of ["first-contentful-paint","largest-contentful-paint","total-blocking-time","cumulative-layout-shift","speed-index"]) console.log(a, lhr.audits[a].displayValue, lhr.audits[a].score);
console.log(JSON.stringify(lhr.audits["layout-shifts"]?.details?.items?.slice(0,3) ?? lhr.audits["layout-shift-elements"]?.details, null, 1).slice(0,1500));
await browser.close();
