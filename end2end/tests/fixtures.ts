import { test as base, expect, Page } from "@playwright/test";

export const SEEDED_ARTICLE = "/articles/5-ways-that-acupuncture-helps-with-low-back-pain";
export const SEEDED_TITLE = "5 Ways that Acupuncture Helps with Low Back Pain";
export const CLINIC = "Monmouth Pain & Scoliosis Center";

export const PUBLIC_PAGES = [
  "/",
  "/services",
  "/services/chiropractic",
  "/services/physical-therapy",
  "/services/occupational-therapy",
  "/services/scoliosis-treatments",
  "/services/acupuncture",
  "/articles",
  "/articles?category=acupuncture",
  SEEDED_ARTICLE,
  "/about",
  "/contact",
  "/privacy",
  "/consultation",
  "/no-such-page",
];

/** Fails the test on any console error or uncaught exception in the page. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // A page answered with an error status (404, or 422 for a form sent
      // back with mistakes) is logged by chromium as a failed load; the
      // tests check those pages' status and content themselves.
      const errorDocuments = new Set<string>();
      page.on("response", (res) => {
        if (res.request().resourceType() === "document" && res.status() >= 400) errorDocuments.add(res.url());
      });
      page.on("console", (msg) => {
        if (msg.type() !== "error") return;
        if (errorDocuments.has(msg.location().url) && msg.text().startsWith("Failed to load resource")) return;
        errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the wasm has taken over the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
}
