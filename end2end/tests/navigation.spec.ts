import { test, expect, hydrated, expectNoAxeViolations, SEEDED_ARTICLE, SEEDED_TITLE, CLINIC } from "./fixtures";

test("home to an article and to a service page without reloading", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await expect(page).toHaveTitle(CLINIC);
  // A marker on window survives client-side navigation but not a page load.
  await page.evaluate(() => ((window as any).__sameDocument = true));

  await page.getByRole("link", { name: SEEDED_TITLE }).click();
  await expect(page).toHaveURL(SEEDED_ARTICLE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_TITLE);
  await expect(page).toHaveTitle(`${SEEDED_TITLE} | ${CLINIC}`);
  await expect(page.locator(".byline").first()).toHaveText("Dec 13, 2023 | Acupuncture");
  // Focus goes to the new page's heading (a screen reader announces it).
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  const nav = page.getByRole("navigation", { name: "Main" });
  if (await page.getByRole("button", { name: "Menu" }).isVisible()) {
    await page.getByRole("button", { name: "Menu" }).click();
  }
  await nav.getByRole("link", { name: "Services" }).click();
  await expect(page).toHaveURL("/services");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our services");

  await page.getByRole("link", { name: "Physical Therapy" }).click();
  await expect(page).toHaveURL("/services/physical-therapy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Physical Therapy");
  await expect(page).toHaveTitle(`Physical Therapy | ${CLINIC}`);

  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("the article list filters by category on the client", async ({ page }) => {
  await page.goto("/articles");
  await hydrated(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const categories = page.getByRole("navigation", { name: "Article categories" });
  await categories.getByRole("link", { name: "Acupuncture" }).click();
  await expect(page).toHaveURL("/articles?category=acupuncture");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles about Acupuncture");
  await expect(categories.getByRole("link", { name: "Acupuncture" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("an unknown address shows the not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await hydrated(page);
  await page.getByRole("link", { name: "Our services" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our services");
});

test("phone and e-mail are one tap away", async ({ page }) => {
  await page.goto("/contact");
  await expect(page.locator("header").getByRole("link", { name: /345-1377/ })).toHaveAttribute("href", "tel:+17323451377");
  await expect(page.locator("header").getByRole("link", { name: /info@monmouthpain.com/ })).toHaveAttribute(
    "href",
    "mailto:info@monmouthpain.com",
  );
});

test("a page that does not arrive says so, and trying again loads it", async ({ page, consoleErrors }) => {
  await page.goto(SEEDED_ARTICLE);
  await hydrated(page);
  // The connection drops just as the patient opens another page: the app
  // fetches each page's HTML from the server.
  const address = /\/articles\?category=acupuncture$/;
  await page.route(address, (route) => route.abort("internetdisconnected"));
  await page.locator(".byline").getByRole("link", { name: "Acupuncture" }).click();
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading", { level: 1 })).toHaveText("Sorry, this page didn't load");
  await expect(page).toHaveURL("/articles?category=acupuncture");
  await expect(page).toHaveTitle("This page didn't load");
  await expectNoAxeViolations(page, "a page that did not arrive");

  // Back online: the same address, loaded whole.
  await page.unroute(address);
  await alert.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles about Acupuncture");
  await hydrated(page);

  // The only errors were the failed fetch of that page.
  expect(consoleErrors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  consoleErrors.length = 0;
});

test("another service and another category are fetched into the same page without reloading", async ({ page }) => {
  await page.goto("/services/acupuncture");
  await hydrated(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole("navigation", { name: "Other services" }).getByRole("link", { name: "Chiropractic" }).click();
  await expect(page).toHaveURL("/services/chiropractic");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chiropractic");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(`Chiropractic | ${CLINIC}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/services\/chiropractic$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  // The compact form there still gets its code on first use, for this service.
  await expect(page.locator(".compact-form").getByLabel("Service you're interested in")).toHaveValue("chiropractic");
  await page.locator(".compact-form").getByLabel("Full name").click();
  await expect(page.locator(".compact-form form[data-hydrated]")).toHaveCount(1);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acupuncture");
  await expect(page).toHaveTitle(`Acupuncture | ${CLINIC}`);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});
