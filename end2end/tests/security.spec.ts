import { test as plain } from "@playwright/test";
import { test, expect, hydrated, collectPolicyViolations, SEEDED_ARTICLE } from "./fixtures";

test("every page's policy lets the page's own code run: the article hydrates", async ({ page }) => {
  // The fixture fails this (and every) test on a policy violation.
  await page.goto(SEEDED_ARTICLE);
  await hydrated(page);
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

// Not the fixtures' test: the violation and its console error are the point.
plain("an inline script that reaches a page (as if the sanitiser had failed) does not run", async ({ page }) => {
  const violations = await collectPolicyViolations(page);
  await page.route(SEEDED_ARTICLE, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</article>",
      "<script>document.title = 'injected'; window.__injected = true;</script></article>",
    );
    // The server's own headers, Content-Security-Policy included (the body
    // is sent as text now, so without its encoding and length).
    const headers = { ...response.headers() };
    delete headers["content-encoding"];
    delete headers["content-length"];
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    await route.fulfill({ status: response.status(), headers, body: html });
  });
  await page.goto(SEEDED_ARTICLE);
  await hydrated(page);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await page.title()).not.toBe("injected");
  expect(violations.join("\n")).toContain("script-src");
});
