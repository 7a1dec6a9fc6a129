import { test, expect, SEEDED_ARTICLE, SEEDED_TITLE } from "./fixtures";

// Run by the *-no-js projects: the whole public site works from server HTML alone.
test("@no-js every page is readable and linked without JavaScript", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Articles" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();

  await page.getByRole("link", { name: SEEDED_TITLE }).click();
  await expect(page).toHaveURL(SEEDED_ARTICLE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_TITLE);
  await expect(page.locator(".prose ol > li")).toHaveCount(5);

  await nav.getByRole("link", { name: "Services" }).click();
  await page.getByRole("link", { name: "Scoliosis Treatments" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scoliosis Treatments");
});
