import { Page } from "@playwright/test";
import { test, expect, hydrated, expectNoAxeViolations } from "./fixtures";
import { DORA, ERIN } from "./patients";

// Online booking, step by step, as a patient does it: with and without
// JavaScript, on a desktop and a 320 px phone, by mouse and by keyboard.
// axe finds nothing on any step.

/** The heading of the step the page is at. */
const current = (page: Page) => page.locator("#booking-step-current");

/** With JavaScript the page's code must have taken over before a click is in place. */
async function ready(page: Page, js: boolean) {
  if (js) await hydrated(page);
}

/** axe runs in the page, so only with JavaScript; the same pages are checked with it. */
async function checked(page: Page, js: boolean, what: string) {
  if (js) await expectNoAxeViolations(page, what);
}

/**
 * Which day and time a test takes: the specs run in parallel on four
 * projects, so each test books on a day of its own (never the first day
 * offered, which may be today's last hours), and each project at a time of
 * its own, at least 90 minutes from another's. Chosen by the clock, not by
 * position: other tests' bookings shift the list. `after` is 45 minutes
 * later: free once the time itself is taken, and clear of the others.
 */
function slot(test_: number) {
  const clocks = {
    "desktop": ["9:00 AM", "9:45 AM"],
    "phone": ["10:30 AM", "11:15 AM"],
    "desktop-no-js": ["1:00 PM", "1:45 PM"],
    "phone-no-js": ["2:30 PM", "3:15 PM"],
  } as Record<string, [string, string]>;
  const [clock, after] = clocks[test.info().project.name] ?? clocks["desktop"];
  return { day: 1 + test_, clock, after };
}

/** Chooses Chiropractic's follow-up, anyone, and the day and time of `which` (see `slot`). */
async function chooseATime(page: Page, js: boolean, which: number) {
  const start = "/book";
  const { day, clock } = slot(which);
  await page.goto(start);
  await ready(page, js);
  await expect(current(page)).toHaveText(/^1\./);
  await checked(page, js, "the booking page's first step");
  await page.getByRole("list", { name: "Chiropractic" }).getByRole("link", { name: /^Follow-up/ }).click();
  await expect(current(page)).toHaveText(/^2\./);
  if (js) await expect(current(page)).toBeFocused();
  await checked(page, js, "choosing who");
  await page.getByRole("link", { name: /^First available/ }).click();
  await expect(current(page)).toHaveText(/^3\./);
  await checked(page, js, "choosing a day");
  await page.locator(".booking-days a").nth(day).click();
  await expect(current(page)).toHaveText(/^4\./);
  await checked(page, js, "choosing a time");
  const time = page.locator(".booking-times a").filter({ hasText: new RegExp(`^${clock}$`) });
  // Its name says all of it, in words.
  const name = (await time.getAttribute("aria-label")) ?? "";
  expect(name).toMatch(/^\w+day, \w+ \d+, \d{4}, \d+:\d\d (AM|PM) E[SD]T, 30 minutes, with Placeholder practitioner \d$/);
  await time.click();
  await expect(current(page)).toHaveText(/^5\./);
  await checked(page, js, "the details form");
  return name;
}

async function fillDetails(page: Page) {
  await page.getByLabel("Full name").fill(DORA.name);
  await page.getByLabel("Phone").fill(DORA.phone);
  await page.getByLabel("E-mail").fill(DORA.email);
  await page.getByRole("radio", { name: "Returning patient" }).check();
  await page.getByLabel(/Anything else/).fill(DORA.message);
  await page.getByRole("checkbox").check();
}

for (const js of [true, false]) {
  const tag = js ? "" : "@no-js ";
  test(`${tag}a patient books a time and keeps the confirmation and the calendar file`, async ({ page }) => {
    const name = await chooseATime(page, js, 0);
    await fillDetails(page);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page).toHaveURL(/\/book\/manage\/[0-9a-f]{64}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");
    await expect(page.locator(".reference")).toHaveText(/^AP-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expect(page.locator(".booking-when")).toHaveText(name);
    await expect(page.getByText(DORA.name)).toHaveCount(0);
    await checked(page, js, "the confirmation");
    const calendar = await page.request.get(page.url() + "/calendar.ics");
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-type"]).toContain("text/calendar");
    expect(await calendar.text()).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/);

    // The link moves it: the same day, the project's later time.
    const { day, after } = slot(0);
    await page.getByRole("link", { name: "Move it to another time" }).click();
    await expect(page.getByRole("heading", { name: "Choose a new time" })).toBeVisible();
    await checked(page, js, "moving: the days");
    await page.locator(".booking-days a").nth(day).click();
    const later = page.locator(".booking-times button").filter({ hasText: new RegExp(`^${after}$`) });
    const laterName = (await later.getAttribute("aria-label")) ?? "";
    expect(laterName).toMatch(new RegExp(`, ${after} E[SD]T, 30 minutes, with Placeholder practitioner \\d$`));
    await checked(page, js, "moving: the times");
    await later.click();
    await expect(page.getByRole("status")).toHaveText(/has its new time/);
    await expect(page.locator(".booking-when")).toHaveText(laterName);
    await checked(page, js, "moved");

    // Then cancels it, after saying so once more.
    await page.getByRole("link", { name: "Cancel it" }).click();
    await expect(page.getByRole("heading", { name: "Cancel this appointment?" })).toBeVisible();
    await checked(page, js, "cancelling");
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your appointment is cancelled");
    await expect(page.getByRole("status")).toHaveText(/is cancelled/);
    await expect(page.getByRole("link", { name: "Book another time" })).toBeVisible();
    await checked(page, js, "cancelled");
  });
}

for (const js of [true, false]) {
  test(`${js ? "" : "@no-js "}a time taken meanwhile keeps the details and offers the nearest free times`, async ({ page }) => {
  await chooseATime(page, js, 1);
  await fillDetails(page);
  // Someone else books the same time first.
  const form = page.locator("form.booking-form");
  const body = {
    type_id: Number(await form.locator('input[name="type_id"]').inputValue()),
    start: Number(await form.locator('input[name="start"]').inputValue()),
    details: { name: ERIN.name, phone: ERIN.phone, email: ERIN.email, patient: "new", message: "", consent: "yes" },
    token: "",
  };
  // Their own form: the same step loaded for them, with its own token.
  const theirs = await (await page.request.get(page.url())).text();
  body.token = theirs.match(/name="token" value="([^"]+)"/)?.[1] ?? "";
  expect(body.token).not.toBe("");
  const taken = await page.request.post("/api/book", { data: body });
  expect(taken.status()).toBe(200);
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone booked that time" })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(DORA.name);
  await expect(page.getByLabel("E-mail")).toHaveValue(DORA.email);
  await expect(page.getByLabel(/Anything else/)).toHaveValue(DORA.message);
  // The nearest free times are in the same form: one choice, and the
  // details typed before book it.
  const nearest = page.getByRole("group", { name: "Nearest free times" }).getByRole("radio");
  expect(await nearest.count()).toBeGreaterThan(0);
  await checked(page, js, "a taken time");
  await page
    .getByRole("group", { name: "Nearest free times" })
    .getByRole("radio", { name: new RegExp(`, ${slot(1).after} E[SD]T, `) })
    .check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");

});
}

test("@desktop a patient books by keyboard alone, and each step's heading takes focus", async ({ page }) => {
  await page.goto("/book");
  await hydrated(page);
  const choose = async (link: ReturnType<Page["locator"]>, next: RegExp) => {
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(current(page)).toHaveText(next);
    await expect(current(page)).toBeFocused();
  };
  await choose(page.getByRole("list", { name: "Chiropractic" }).getByRole("link", { name: /^Follow-up/ }), /^2\./);
  // From the focused heading, Tab reaches the step's first choice.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /^First available/ })).toBeFocused();
  await choose(page.getByRole("link", { name: /^First available/ }), /^3\./);
  const { day, clock } = slot(2);
  await choose(page.locator(".booking-days a").nth(day), /^4\./);
  await choose(page.locator(".booking-times a").filter({ hasText: new RegExp(`^${clock}$`) }), /^5\./);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  for (const [label, value] of [["Full name", DORA.name], ["Phone", DORA.phone], ["E-mail", DORA.email]]) {
    await page.getByLabel(label).focus();
    await page.keyboard.type(value);
  }
  await page.getByRole("radio", { name: "Returning patient" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Book this time" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");
});

test("a Spanish-speaking patient books in Spanish, then moves and cancels through the link", async ({ page }) => {
  const { day, clock, after } = slot(3);
  const spanish = (c: string) => new RegExp(`^${c.replace(/ AM$/, "\\s?a\\.\\sm\\.").replace(/ PM$/, "\\s?p\\.\\sm\\.")}$`);
  await page.goto("/es/reservar");
  await hydrated(page);
  await expect(current(page)).toHaveText(/^1\. ¿Qué desea reservar\?/);
  await page.getByRole("link", { name: /^Visita de seguimiento/ }).first().click();
  await page.getByRole("link", { name: /^El primero disponible/ }).click();
  await page.locator(".booking-days a").nth(day).click();
  const time = page.locator(".booking-times a").filter({ hasText: spanish(clock) });
  const name = (await time.getAttribute("aria-label")) ?? "";
  expect(name).toMatch(/, 30 minutos, con Placeholder practitioner \d$/);
  await time.click();
  await expect(current(page)).toHaveText("5. Sus datos");
  await expectNoAxeViolations(page, "the Spanish details form");
  await page.getByLabel("Nombre completo").fill(DORA.name);
  await page.getByLabel("Teléfono").fill(DORA.phone);
  await page.getByLabel("Correo electrónico").fill(DORA.email);
  await page.getByRole("radio", { name: "Ya he venido antes" }).check();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Reservar esta hora" }).click();

  // The confirmation and the link's page speak Spanish, at a Spanish address.
  await expect(page).toHaveURL(/\/es\/reservar\/gestionar\/[0-9a-f]{64}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cita reservada");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(".booking-when")).toHaveText(name);
  await expectNoAxeViolations(page, "the Spanish confirmation");
  await page.getByRole("link", { name: "Pasarla a otra hora" }).click();
  await expect(page.getByRole("heading", { name: "Elija una nueva hora" })).toBeVisible();
  await page.locator(".booking-days a").nth(day).click();
  const later = page.locator(".booking-times button").filter({ hasText: spanish(after) });
  const laterName = (await later.getAttribute("aria-label")) ?? "";
  expect(laterName).toMatch(/, 30 minutos, con Placeholder practitioner \d$/);
  await expectNoAxeViolations(page, "moving, in Spanish");
  await later.click();
  await expect(page.getByRole("status")).toHaveText(/su cita tiene su nueva hora/);
  await expect(page.locator(".booking-when")).toHaveText(laterName);

  await page.getByRole("link", { name: "Cancelarla" }).click();
  await expect(page.getByRole("heading", { name: "¿Cancelar esta cita?" })).toBeVisible();
  await expectNoAxeViolations(page, "cancelling, in Spanish");
  await page.getByRole("button", { name: "Sí, cancelarla" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Su cita está cancelada");
  await expect(page.getByRole("link", { name: "Reservar otra hora" })).toBeVisible();
  await expectNoAxeViolations(page, "cancelled, in Spanish");
});
