import { test, expect, hydrated, expectNoAxeViolations, PUBLIC_PAGES } from "./fixtures";

for (const path of PUBLIC_PAGES) {
  test(`${path} has no axe-core violations and no sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await hydrated(page);
    await expectNoAxeViolations(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
  });
}

test("the skip link is the first thing a keyboard reaches and moves to the content", async ({ page }) => {
  await page.goto("/services");
  await hydrated(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
