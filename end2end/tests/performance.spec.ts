import { test, expect, SEEDED_ARTICLE } from "./fixtures";

// Patients' pages are rendered by the server and adopted as they are: a
// patient's visit fetches the app's main module and nothing else. The
// consultation form's code comes when a patient first touches a form; the
// admin's code only when staff open the admin.
test("@desktop patients fetch one module; a form's code comes on first use; never the admin's", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  const modules = () =>
    [...new Set(fetched.filter((p) => p.startsWith("/pkg/") && p.endsWith(".wasm")).map((p) => p.split("/").pop()!.replace(/^chunk_\d+/, "chunk")))].sort();
  await page.goto("/");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByRole("link", { name: "Articles", exact: true }).first().click();
  await page.getByRole("link", { name: "5 Ways that Acupuncture Helps with Low Back Pain" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("5 Ways that Acupuncture Helps with Low Back Pain");
  await page.goto("/services/acupuncture");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(modules(), "wasm modules a reading patient fetched").toEqual(["clinic.wasm"]);

  // The patient starts on the compact form: its code arrives and takes over.
  await page.locator(".compact-form").getByLabel("Full name").click();
  await expect(page.locator(".compact-form form[data-hydrated]")).toHaveCount(1);
  expect(modules(), "with the form's code").toEqual(["chunk.wasm", "clinic.wasm", "split_request_form.wasm"]);

  fetched.length = 0;
  await page.goto("/admin/sign-in");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
  expect(fetched.filter((p) => /split_staff_pages/.test(p)).length, "the admin's module loads for staff").toBe(1);
});

/** Every response of a page's load, with its compressed size and whether the network was used. */
async function recordLoad(page: import("@playwright/test").Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const seen = new Map<string, { url: string; status: number; bytes: number; cached: boolean }>();
  cdp.on("Network.responseReceived", (e) =>
    seen.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      status: e.response.status,
      bytes: 0,
      cached: e.response.fromDiskCache || Boolean((e.response as { fromMemoryCache?: boolean }).fromMemoryCache),
    }),
  );
  cdp.on("Network.requestServedFromCache", (e) => {
    const r = seen.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = seen.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await page.goto(url);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  await cdp.detach();
  return [...seen.values()];
}

test("@desktop a repeat visit fetches only the page itself", async ({ page, context }) => {
  await recordLoad(page, SEEDED_ARTICLE);
  // Coming back later, in a new tab.
  const later = await context.newPage();
  const again = await recordLoad(later, SEEDED_ARTICLE);
  expect(again.filter((r) => !r.cached).map((r) => `${r.url} ${r.status}`)).toEqual([`${SEEDED_ARTICLE} 200`]);
  // The app's code was there, from the cache.
  expect(again.some((r) => r.url.endsWith(".wasm") && r.cached)).toBe(true);
});

// Issues 6 and 19: a phone's first visit to a patient's page transfers
// under 200 KB in all (compressed, as served), the code that hydrates it
// included. Patients land on articles from searches, on home from the
// clinic's listing on maps, on service pages from searches, and on the
// consultation page from every page. The same in Spanish (issue 20): the
// page carries its own language's words only.
const FIRST_VISIT_BUDGET_KB = 200;

for (const landing of [
  SEEDED_ARTICLE,
  "/",
  "/services/acupuncture",
  "/consultation",
  "/articles",
  "/about",
  "/privacy",
  "/es",
  "/es/servicios/acupuntura",
  "/es/consulta",
  // Online booking (issue 28): its first step, and a day's times.
  "/book",
  "/book?service=chiropractic",
  "/es/reservar",
]) {
  test(`@phone a first visit to ${landing} transfers under 200 KB, with the code that hydrates it`, async ({ page }) => {
    const load = await recordLoad(page, landing);
    const kb = (rs: typeof load) => rs.reduce((sum, r) => sum + r.bytes, 0) / 1024;
    const code = load.filter((r) => r.url.endsWith(".wasm") || r.url.endsWith(".js"));
    console.log(`first visit to ${landing}: ${kb(load).toFixed(1)} KB in ${load.length} responses, of which code ${kb(code).toFixed(1)} KB`);
    console.log(load.map((r) => `  ${r.url} ${r.bytes}`).join("\n"));
    // One module: no other module comes with a page until a form is used.
    expect(code.map((r) => r.url).filter((u) => /\/(split_|chunk_)/.test(u))).toEqual([]);
    expect(code.length, "the app's JS and wasm were fetched").toBeGreaterThanOrEqual(2);
    expect(kb(load)).toBeLessThan(FIRST_VISIT_BUDGET_KB);
  });
}
