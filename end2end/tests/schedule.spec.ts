import { Browser } from "@playwright/test";
import { test, expect, hydrated, expectNoAxeViolations, asAdmin } from "./fixtures";
import { OLGA, ROSA } from "./patients";

// The front desk's schedule: a caller is booked by phone and shows in the
// day view; outside the practitioner's hours the desk is told so; a
// patient's online request for a time waits until the desk confirms it;
// a caller's appointment is moved to another time.
// Each project works on a day of its own (the specs run in parallel).

/** `YYYY-MM-DD` of the `n`th weekday (Monday to Friday) from a week ahead, in New York. */
function weekday(n: number) {
  const at = new Date(Date.now() + 7 * 86400_000);
  let found = -1;
  for (;;) {
    const local = new Date(at.toLocaleString("en-US", { timeZone: "America/New_York" }));
    const dow = local.getDay();
    if (dow !== 0 && dow !== 6 && ++found === n) {
      const pad = (v: number) => String(v).padStart(2, "0");
      return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
    }
    at.setTime(at.getTime() + 86400_000);
  }
}

/** A patient, in a browser of their own, asks online for a scoliosis assessment on `date`. */
async function patientAsks(browser: Browser, date: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/book?service=scoliosis-treatments");
  // A click in place needs the page's code to have taken over (as in booking.spec).
  await hydrated(page);
  await page.getByRole("link", { name: /^Scoliosis assessment/ }).click();
  await page.getByRole("link", { name: /^First available/ }).click();
  await page.locator(`.booking-days a[href*="day=${date}"]`).click();
  await page.locator(".booking-times a").first().click();
  await page.getByLabel("Full name").fill(OLGA.name);
  await page.getByLabel("Phone").fill(OLGA.phone);
  await page.getByLabel("E-mail").fill(OLGA.email);
  await page.getByRole("radio", { name: "New patient" }).check();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your request is in");
  await context.close();
}

test("the front desk books a caller, is told of the rules, confirms a patient's request and moves a caller", async ({ page, browser }) => {
  // Two browsers' work (the patient's, then the desk's) in one test.
  test.setTimeout(60_000);
  const date = weekday(test.info().project.name === "phone" ? 1 : 0);
  const label = new Date(`${date}T12:00:00Z`).toLocaleDateString("en-US", {
    weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC",
  });
  await patientAsks(browser, date);

  await asAdmin(page);
  await page.getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule");
  await page.goto(`/admin/schedule?view=day&date=${date}`);
  await hydrated(page);
  await expectNoAxeViolations(page, "the schedule");

  // The request waits, with who asked; confirming it books it.
  const waiting = page.getByRole("table", { name: "Requests for a time, oldest first" });
  const asked = waiting.getByRole("row").filter({ hasText: OLGA.name }).filter({ hasText: label });
  await expect(asked).toContainText("Waiting for confirmation");
  await page.getByRole("button", { name: new RegExp(`^Confirm: ${OLGA.name}, ${label}, `) }).click();
  const day = page.getByRole("table", { name: /^Appointments on / });
  await expect(day.getByRole("row").filter({ hasText: OLGA.name }).first()).toContainText("Booked");

  // A caller at 3:00 PM with the first practitioner.
  await page.getByLabel("Appointment").selectOption({ label: "Follow-up (30 minutes)" });
  await page.getByLabel("Day", { exact: true }).fill(date);
  await page.getByLabel("Time", { exact: true }).fill("15:00");
  await page.getByLabel("Caller's full name").fill(ROSA.name);
  await page.getByLabel("Phone", { exact: true }).fill(ROSA.phone);
  await page.getByRole("button", { name: "Book", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(/^Booked: AP-/);
  await expect(day.getByRole("row").filter({ hasText: ROSA.name })).toContainText("3:00 PM");

  // In the lunch break it says so, and books only when told to; what was
  // typed stays.
  await page.getByLabel("Appointment").selectOption({ label: "Follow-up (30 minutes)" });
  await page.getByLabel("Day", { exact: true }).fill(date);
  await page.getByLabel("Time", { exact: true }).fill("12:15");
  await page.getByLabel("Caller's full name").fill(ROSA.name);
  await page.getByLabel("Phone", { exact: true }).fill(ROSA.phone);
  await page.getByRole("button", { name: "Book", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "outside" })).toBeVisible();
  await expectNoAxeViolations(page, "a booking outside the rules, refused");
  await expect(page.getByLabel("Caller's full name")).toHaveValue(ROSA.name);
  await page.getByLabel(/Book outside the usual rules/).check();
  await page.getByRole("button", { name: "Book", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Booked outside the usual rules");
  await expect(day.getByRole("row").filter({ hasText: "12:15 PM" })).toContainText(ROSA.name);

  // The 3:00 PM caller calls back: the desk moves them to 4:00 PM.
  const rosa = day.getByRole("row").filter({ hasText: ROSA.name }).filter({ hasText: "3:00 PM" });
  await rosa.locator("summary").click();
  await rosa.getByLabel("New time").fill("16:00");
  await expectNoAxeViolations(page, "moving an appointment");
  await rosa.getByRole("button", { name: "Move to this time" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Moved:/ })).toBeVisible();
  await expect(day.getByRole("row").filter({ hasText: ROSA.name }).filter({ hasText: "4:00 PM" })).toHaveCount(1);
  await expect(day.getByRole("row").filter({ hasText: ROSA.name }).filter({ hasText: "3:00 PM" })).toHaveCount(0);
});
