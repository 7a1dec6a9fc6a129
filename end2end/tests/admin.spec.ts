import { Page } from "@playwright/test";
import { Browser } from "@playwright/test";
import { test, expect, hydrated, collectConsoleErrors, expectNoAxeViolations, signIn, asAdmin, totp, ADMIN_EMAIL, createAccount, fillRequest } from "./fixtures";
import { GRACE, NOTE } from "./patients";

/** Another person's browser: its own context, its console watched too. */
async function person(browser: Browser, errors: string[][]) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  errors.push(collectConsoleErrors(page));
  return page;
}

async function sendRequest(page: Page, name: string) {
  await fillRequest(page, name, GRACE.phone);
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
  await asAdmin(admin);
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Accounts" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Staff accounts");
  await expectNoAxeViolations(admin, "accounts");
  const email = `desk-${Date.now()}@clinic.example`;
  await createAccount(admin, { name: "Fran Desk", email, role: "front_desk", password: "front desk passphrase" });
  await expect(admin.getByRole("status")).toContainText(`Created an account for ${email}`);
  await expect(admin.getByRole("cell", { name: email })).toBeVisible();

  // The front desk signs in for the first time: before anything else, it
  // sets up two-factor sign-in with an authenticator app.
  const desk = await person(browser, others);
  await signIn(desk, email, "front desk passphrase");
  await expect(desk).toHaveURL("/admin/two-factor");
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Set up two-factor sign-in");
  await expect(desk.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expect(desk.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /Requests/ })).toHaveCount(0);
  await expectNoAxeViolations(desk, "two-factor enrolment");
  const secret = ((await desk.locator(".secret-key").textContent()) ?? "").replace(/\s/g, "");
  await hydrated(desk);
  await desk.getByLabel("Six-digit code from the app").fill(totp(secret));
  await desk.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(desk.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(desk.locator(".recovery-codes li")).toHaveCount(10);
  const recovery = (await desk.locator(".recovery-codes li").first().textContent()) ?? "";
  await expectNoAxeViolations(desk, "recovery codes");
  await desk.getByRole("link", { name: "I've saved them: continue" }).click();

  // It finds the new request and marks it contacted.
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

  // Signing in again: the password, then a code (a wrong one first); the
  // code enrolment used is spent, so the app's next one.
  await signIn(desk, email, "front desk passphrase");
  const code = desk.getByLabel("Code from your authenticator app");
  await expect(code).toBeFocused();
  await expectNoAxeViolations(desk, "the sign-in code step");
  await code.fill(totp(secret) === "000000" ? "111111" : "000000");
  await desk.getByRole("button", { name: "Continue" }).click();
  await expect(desk.getByRole("alert")).toContainText("That code isn't right");
  await code.fill(totp(secret, Date.now() / 1000 + 30));
  await desk.getByRole("button", { name: "Continue" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Welcome, Fran Desk");
  await desk.getByRole("button", { name: "Sign out" }).click();
  await expect(desk).toHaveURL("/admin/sign-in");
  // A lost phone: a recovery code instead.
  await signIn(desk, email, "front desk passphrase");
  await desk.getByLabel("Code from your authenticator app").fill(recovery);
  await desk.getByRole("button", { name: "Continue" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Welcome, Fran Desk");
  expect(others.flat(), "console errors in the patient's and the front desk's browsers").toEqual([]);
});
