// A phone's first visit to home, an article, a service page and the
// consultation page, and to home and a service page in Spanish, measured in
// Debian's chromium: every
// byte transferred (compressed, as served) by kind; what a repeat visit
// fetches; then Lighthouse (mobile preset) on four pages. Prints JSON.
import { chromium, devices } from "playwright-core";
import lighthouse from "lighthouse";

const [base, article] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const port = 9333;
const browser = await chromium.launch({ executablePath, args: [`--remote-debugging-port=${port}`] });

const PAGES = [
  ["home", "/"],
  ["article", article],
  ["service", "/services/physical-therapy"],
  ["consultation", "/consultation"],
  // The same in Spanish (issue 20).
  ["home_es", "/es"],
  ["service_es", "/es/servicios/fisioterapia"],
  // Online booking (issue 28): its first step and a service's types.
  ["booking", "/book"],
  ["booking_service", "/book?service=chiropractic"],
  ["booking_es", "/es/reservar"],
];

/** A phone's first visit to `path` in a fresh context: bytes by kind. */
async function firstVisit(path) {
  const context = await browser.newContext({ ...devices["Pixel 5"] });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const seen = new Map();
  cdp.on("Network.responseReceived", (e) => seen.set(e.requestId, { url: e.response.url, mime: e.response.mimeType, cached: e.response.fromDiskCache || e.response.fromMemoryCache, status: e.response.status }));
  cdp.on("Network.loadingFinished", (e) => { const r = seen.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await page.goto(base + path, { waitUntil: "networkidle" });
  await page.waitForSelector("html[data-hydrated]");
  const transfer = { html: 0, css: 0, script: 0, wasm: 0, font: 0, image: 0, other: 0 };
  for (const r of seen.values()) {
    const kind = r.mime.includes("html") ? "html" : r.mime.includes("css") ? "css" : r.mime.includes("wasm") ? "wasm"
      : r.mime.includes("javascript") ? "script" : r.mime.startsWith("font") ? "font" : r.mime.startsWith("image") ? "image" : "other";
    transfer[kind] += r.bytes ?? 0;
  }
  transfer.total = Object.values(transfer).reduce((a, b) => a + b, 0);
  transfer.requests = [...seen.values()].map((r) => `${r.url.replace(base, "")} ${r.bytes ?? 0}`);
  await context.close();
  return transfer;
}

const first_visits = {};
for (const [name, path] of PAGES) first_visits[name] = await firstVisit(path);
const transfer = first_visits.article;
// A repeat visit (coming back later, in a new tab of the same browser):
// what goes to the network again.
const context = await browser.newContext({ ...devices["Pixel 5"] });
const first = await context.newPage();
await first.goto(base + article, { waitUntil: "networkidle" });
await first.waitForSelector("html[data-hydrated]");
const seen = new Map();
const later = await context.newPage();
const laterCdp = await context.newCDPSession(later);
await laterCdp.send("Network.enable");
laterCdp.on("Network.responseReceived", (e) => seen.set(e.requestId, { url: e.response.url, mime: e.response.mimeType, cached: e.response.fromDiskCache || e.response.fromMemoryCache, status: e.response.status }));
laterCdp.on("Network.requestServedFromCache", (e) => { const r = seen.get(e.requestId); if (r) r.cached = true; });
await later.goto(base + article, { waitUntil: "networkidle" });
transfer.repeat_requests = [...seen.values()].filter((r) => !r.cached).map((r) => `${r.url.replace(base, "")} ${r.status}`);
await context.close();

// Lighthouse's score moves by a point or two between runs on the same
// build: each page is measured LH_RUNS times (default 3) and the median run
// is reported, with every run's performance score beside it.
const runs = Number(process.env.LH_RUNS ?? 3);
const lh = {};
for (const [name, path] of PAGES) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(base + path, { port, output: "json", logLevel: "error" });
    // A run Lighthouse could not finish is reported as such, not scored.
    const failed = lhr.runtimeError?.code ?? (lhr.audits["cumulative-layout-shift"]?.numericValue === undefined ? "no layout-shift audit" : null);
    if (failed) {
      results.push({ performance: 0, error: failed });
      continue;
    }
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    results.push({
      performance: score("performance"), accessibility: score("accessibility"),
      "best-practices": score("best-practices"), seo: score("seo"),
      lcp_ms: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
      tbt_ms: Math.round(lhr.audits["total-blocking-time"].numericValue),
      cls: Number(lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3)),
    });
  }
  results.sort((a, b) => b.performance - a.performance || a.tbt_ms - b.tbt_ms);
  const errors = results.filter((r) => r.error).map((r) => r.error);
  lh[name] = { ...results[Math.floor(results.length / 2)], performance_runs: results.map((r) => r.performance), ...(errors.length ? { errors } : {}) };
}
await browser.close();
console.log(JSON.stringify({ transfer, first_visits, lighthouse: lh }));
