import { test, expect, hydrated, expectNoAxeViolations, asAdmin } from "./fixtures";

// An administrator adds a practitioner with their week, photo and
// languages, gives them time off and other hours on one day. The new one offers occupational therapy only, on Saturdays, so the
// other specs' bookings (chiropractic, scoliosis, weekdays) never meet them.

test("an administrator adds a practitioner, their week, photo and languages, their time off and a changed day", async ({ page, browser }) => {
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

  // A photo, which needs what it shows, and Spanish as well as English.
  const photo = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1000;
    canvas.height = 1000;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#2b6cb0";
    ctx.fillRect(0, 0, 1000, 1000);
    return canvas.toDataURL("image/jpeg", 0.9).split(",")[1];
  });
  await saved.getByLabel("Choose a photo").setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: Buffer.from(photo, "base64") });
  await expect(saved.getByRole("button", { name: "Remove the photo" })).toBeVisible();
  await saved.getByRole("checkbox", { name: "Spanish" }).check();
  await saved.getByRole("button", { name: `Save ${name}` }).click();
  await expect(saved.getByText(/Say what the photo shows/)).toBeVisible();
  await saved.getByLabel("What the photo shows").fill("A placeholder portrait in blue");
  await saved.getByRole("button", { name: `Save ${name}` }).click();
  await expect(saved.getByRole("status")).toContainText("Saved");
  await expectNoAxeViolations(page, "a practitioner with a photo");

  // Patients choosing who to see find the photo and the languages.
  const context = await browser.newContext();
  const patient = await context.newPage();
  await patient.goto("/es/reservar?service=occupational-therapy");
  await hydrated(patient);
  await patient.locator(".booking-choices a").first().click();
  const them = patient.getByRole("link", { name: new RegExp(name) });
  await expect(them).toContainText("Atiende en inglés y español");
  await expect(them.getByRole("img", { name: "A placeholder portrait in blue" })).toBeVisible();
  await context.close();

  // Time off for them: listed, then removed.
  await page.getByLabel("Who", { exact: true }).selectOption({ label: name });
  await page.getByLabel("First day").fill("2027-07-05");
  await page.getByLabel("Last day").fill("2027-07-09");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const off = page.getByRole("table", { name: "Time off and closures, soonest first" }).getByRole("row").filter({ hasText: name });
  await expect(off).toContainText("2027-07-09");
  await page.getByRole("button", { name: `Remove: ${name}, 2027-07-05 to 2027-07-09` }).click();
  await expect(off).toHaveCount(0);

  // A Saturday with other hours: listed, then back to the usual ones.
  await page.getByLabel("Whose hours change").selectOption({ label: name });
  await page.getByLabel("Day", { exact: true }).fill("2027-07-10");
  await page.getByLabel("Hours that day").fill("10:00-11:30");
  await page.getByRole("button", { name: "Change the day" }).click();
  const changed = page.getByRole("table", { name: "Days with other hours, soonest first" }).getByRole("row").filter({ hasText: name });
  await expect(changed).toContainText("10:00-11:30");
  await expectNoAxeViolations(page, "a changed day");
  await page.getByRole("button", { name: `Restore: ${name}, usual hours on 2027-07-10` }).click();
  await expect(changed).toHaveCount(0);
});
