import { test, expect } from "./fixtures";

// The admin's code is split into its own wasm chunks: a patient's visit never
// downloads it; staff fetch it when they open the admin.
test("@desktop patients never download the admin's code", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto("/");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await page.getByRole("link", { name: "Articles", exact: true }).first().click();
  await page.getByRole("link", { name: "5 Ways that Acupuncture Helps with Low Back Pain" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("5 Ways that Acupuncture Helps with Low Back Pain");
  await page.goto("/consultation");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  expect(fetched.filter((p) => p.startsWith("/pkg/")).some((p) => p.endsWith(".wasm"))).toBe(true);
  expect(fetched.filter((p) => /admin_.*route_view/.test(p)), "admin chunks fetched by a patient").toEqual([]);

  fetched.length = 0;
  await page.goto("/admin/sign-in");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-in");
  expect(fetched.filter((p) => /admin_sign_in_route_view/.test(p)).length, "the sign-in chunk loads for staff").toBe(1);
});
