import { Page } from "@playwright/test";
import { Browser } from "@playwright/test";
import { test, expect, hydrated, collectConsoleErrors, expectNoAxeViolations, signIn, ADMIN_EMAIL, ADMIN_PASSWORD } from "./fixtures";
import { GRACE, NOTE } from "./patients";

/** Another person's browser: its own context, its console watched too. */
async function person(browser: Browser, errors: string[][]) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  errors.push(collectConsoleErrors(page));
  return page;
}

async function sendRequest(page: Page, name: string) {
  await page.goto("/consultation");
  await hydrated(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Phone", { exact: true }).fill(GRACE.phone);
  await page.getByRole("radio", { name: "Phone call" }).check();
  await page.getByRole("radio", { name: "Returning patient" }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/consultation\/sent\/CR-/);
  return (await page.locator(".reference").textContent()) ?? "";
}

test("@desktop the admin is behind sign-in and refuses a wrong password", async ({ page }) => {
  await page.goto("/admin/requests");
  await expect(page).toHaveURL("/admin/sign-in");
  await expectNoAxeViolations(page, "sign-in");
  await signIn(page, ADMIN_EMAIL, "not the right password");
  await expect(page.getByRole("alert")).toContainText("don't match an active account");
  await expect(page).toHaveURL("/admin/sign-in");
});

test("@desktop an administrator adds a front-desk member, who opens a request and marks it contacted", async ({ page, browser }) => {
  const others: string[][] = [];
  const patient = await person(browser, others);
  const reference = await sendRequest(patient, GRACE.name);

  // The administrator creates the front desk's account.
  const admin = page;
  await signIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Welcome, Ada Admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Accounts" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Staff accounts");
  await expectNoAxeViolations(admin, "accounts");
  const email = `desk-${Date.now()}@clinic.example`;
  await admin.getByLabel("Name").fill("Fran Desk");
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role").selectOption("front_desk");
  await admin.getByLabel("First password").fill("front desk passphrase");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("status")).toContainText(`Created an account for ${email}`);
  await expect(admin.getByRole("cell", { name: email })).toBeVisible();

  // The front desk signs in, finds the new request, and marks it contacted.
  const desk = await person(browser, others);
  await signIn(desk, email, "front desk passphrase");
  await desk.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /Requests/ }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Consultation requests");
  await expectNoAxeViolations(desk, "requests");
  await desk.getByRole("row", { name: new RegExp(reference) }).getByRole("link", { name: GRACE.name }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(GRACE.name);
  await expect(desk.getByText(GRACE.phone)).toBeVisible();
  await expectNoAxeViolations(desk, "a request");
  await desk.getByLabel("Status").selectOption("contacted");
  await desk.getByRole("button", { name: "Save status" }).click();
  await desk.getByLabel("Add a note").fill(NOTE);
  await desk.getByRole("button", { name: "Add note" }).click();
  await expect(desk.getByText(NOTE)).toBeVisible();
  await desk.getByRole("link", { name: "← All requests" }).click();
  await desk.getByRole("link", { name: /^Contacted/ }).click();
  await expect(desk.getByRole("row", { name: new RegExp(reference) })).toContainText("Contacted");

  // The front desk can't reach administrators' pages; the audit log shows what happened.
  await desk.goto("/admin/accounts");
  await expect(desk.getByRole("alert")).toContainText("Your account can't do this");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("cell", { name: `${reference} -> contacted` })).toBeVisible();
  await expectNoAxeViolations(admin, "audit log");

  await desk.goto("/admin");
  await desk.getByRole("button", { name: "Sign out" }).click();
  await expect(desk).toHaveURL("/admin/sign-in");
  await desk.goto("/admin/requests");
  await expect(desk).toHaveURL("/admin/sign-in");
  expect(others.flat(), "console errors in the patient's and the front desk's browsers").toEqual([]);
});
