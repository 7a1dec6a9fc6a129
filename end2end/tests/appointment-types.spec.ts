import { test, expect, hydrated, expectNoAxeViolations, asAdmin } from "./fixtures";

// An administrator adds an appointment type with its names in English and
// Spanish; patients are offered it at once in both languages, and no
// longer once it is switched off. A new type of its own per project, so
// the other specs' bookings never meet it.

test("an administrator adds an appointment type that patients see in both languages", async ({ page, browser }) => {
  const name = `Posture check ${test.info().project.name}`;
  const nombre = `Revisión de postura ${test.info().project.name}`;
  await asAdmin(page);
  await page.getByRole("link", { name: "Appointment types" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointment types");
  await hydrated(page);
  await expectNoAxeViolations(page, "the appointment types");

  const form = page.getByRole("form", { name: "New appointment type" });
  await form.getByLabel("Service").selectOption({ label: "Occupational Therapy" });
  await form.getByLabel("Name in English").fill(name);
  await form.getByLabel("Length (minutes)").fill("7");
  await form.getByRole("button", { name: "Add this type" }).click();
  // Each wrong field says so beside it; nothing typed is lost.
  await expect(form.getByLabel("Length (minutes)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/^Give the length in minutes, a multiple of 5/)).toBeVisible();
  await expect(form.getByText(/Write its name in Spanish/)).toBeVisible();
  await expect(form.getByLabel("Name in English")).toHaveValue(name);
  await expectNoAxeViolations(page, "a refused type");
  await form.getByLabel("Name in Spanish").fill(nombre);
  await form.getByLabel("Length (minutes)").fill("20");
  await form.getByRole("radio", { name: /^On request/ }).check();
  await form.getByRole("button", { name: "Add this type" }).click();
  const saved = page.getByRole("form", { name });
  await expect(saved.getByLabel("Length (minutes)")).toHaveValue("20");
  await expect(saved.getByRole("radio", { name: /^On request/ })).toBeChecked();

  // Patients are offered it, in each language.
  const context = await browser.newContext();
  const patient = await context.newPage();
  await patient.goto("/book?service=occupational-therapy");
  await hydrated(patient);
  await expect(patient.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  await patient.goto("/es/reservar?service=occupational-therapy");
  await expect(patient.getByRole("link", { name: new RegExp(`^${nombre}`) })).toBeVisible();

  // Switched off, it is no longer offered.
  await saved.getByRole("checkbox", { name: /Patients can book it online/ }).uncheck();
  await saved.getByRole("button", { name: `Save ${name}` }).click();
  await expect(saved.getByRole("status")).toContainText("Saved");
  await patient.goto("/book?service=occupational-therapy");
  await expect(patient.getByRole("link", { name: new RegExp(`^${name}`) })).toHaveCount(0);
  await context.close();
});
