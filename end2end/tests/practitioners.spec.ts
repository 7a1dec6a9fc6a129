import { test, expect, hydrated, expectNoAxeViolations, asAdmin } from "./fixtures";

// An administrator adds a practitioner with their week and gives them time
// off. The new one offers occupational therapy only, on Saturdays, so the
// other specs' bookings (chiropractic, scoliosis, weekdays) never meet them.

test("an administrator adds a practitioner, their week and their time off", async ({ page }) => {
  const name = `Test Therapist ${test.info().project.name}`;
  await asAdmin(page);
  await page.getByRole("link", { name: "Practitioners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Practitioners");
  await hydrated(page);
  await expectNoAxeViolations(page, "the practitioners");

  const form = page.getByRole("region", { name: "New practitioner" });
  await form.getByLabel("Name, as patients see it").fill(name);
  await form.getByLabel("Usual week").fill("Saturdays 9 to 12");
  await form.getByRole("checkbox", { name: "Occupational Therapy" }).check();
  await form.getByRole("button", { name: "Add this practitioner" }).click();
  // A week that does not read is refused on its field, nothing lost.
  await expect(form.getByLabel("Usual week")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/not a day of the week/)).toBeVisible();
  await expect(form.getByLabel("Name, as patients see it")).toHaveValue(name);
  await expectNoAxeViolations(page, "a refused week");
  await form.getByLabel("Usual week").fill("Saturday 9:00-12:00");
  await form.getByRole("button", { name: "Add this practitioner" }).click();
  const saved = page.getByRole("region", { name });
  await expect(saved.getByLabel("Usual week")).toHaveValue("Saturday 9:00-12:00");

  // Time off for them: listed, then removed.
  await page.getByLabel("Who").selectOption({ label: name });
  await page.getByLabel("First day").fill("2027-07-05");
  await page.getByLabel("Last day").fill("2027-07-09");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const off = page.getByRole("table", { name: "Time off and closures, soonest first" }).getByRole("row").filter({ hasText: name });
  await expect(off).toContainText("2027-07-09");
  await page.getByRole("button", { name: `Remove: ${name}, 2027-07-05 to 2027-07-09` }).click();
  await expect(off).toHaveCount(0);
});
