import { Page } from "@playwright/test";
import { test, expect, hydrated, formReady, expectNoAxeViolations } from "./fixtures";
import { ANA, BEN, KEPT_MESSAGE } from "./patients";

async function fillCorrectly(page: Page) {
  await page.getByLabel("Full name").fill(ANA.name);
  await page.getByLabel("Phone", { exact: true }).fill(ANA.phone);
  await page.getByRole("radio", { name: "Text message" }).check();
  await page.getByLabel("Service you're interested in").selectOption({ label: "Acupuncture" });
  await page.getByRole("radio", { name: "New patient" }).check();
  await page.getByRole("checkbox", { name: "Tuesday" }).check();
  await page.getByRole("radio", { name: "Morning" }).check();
  await page.getByLabel(/Anything else we should know/).fill(ANA.message);
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
}

test("a patient makes mistakes, sees and fixes them, and gets a confirmation", async ({ page }) => {
  await page.goto("/consultation");
  await hydrated(page);
  await expect(page.getByText("This form is not for emergencies.")).toBeVisible();
  await expectNoAxeViolations(page, "empty");

  // An error appears when a field is left, next to it.
  const phone = page.getByLabel("Phone", { exact: true });
  await phone.fill("555-01");
  await phone.blur();
  await expect(page.locator("#cr-phone-error")).toContainText("10-digit US phone number");
  await expect(phone).toHaveAttribute("aria-invalid", "true");

  // The message counter follows typing.
  await page.getByLabel(/Anything else we should know/).fill("Hello");
  await expect(page.locator("#cr-message-count")).toHaveText("5 of 1000 characters");

  // Submitting with mistakes: a summary, focused, linking to each field.
  await page.getByRole("button", { name: "Send request" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(5);
  await expectNoAxeViolations(page, "showing errors");
  await summary.getByRole("link", { name: /Enter your full name/ }).click();
  await expect(page.getByLabel("Full name")).toBeFocused();

  // Fixing them clears the errors as the patient types.
  await fillCorrectly(page);
  await expect(page.locator("#cr-phone-error")).toBeEmpty();
  await expect(page.locator(".error-summary")).toBeHidden();

  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/consultation\/sent\/CR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we've received your request");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const reference = (await page.locator(".reference").textContent()) ?? "";
  expect(page.url()).toContain(reference);
  await expectNoAxeViolations(page, "confirmed");
});

test("a double click sends one request", async ({ page }) => {
  await page.goto("/consultation");
  await hydrated(page);
  await fillCorrectly(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/consultation")) posts.push(r.url());
  });
  await page.getByRole("button", { name: "Send request" }).dblclick();
  await expect(page).toHaveURL(/\/consultation\/sent\//);
  expect(posts.length).toBe(1);
});

test("what a patient types before the page's code arrives is what the form checks and sends", async ({ page }) => {
  // A weak connection: the code arrives only after the patient has typed,
  // and the form's own module later than the app's shell.
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await arrived;
    if (/\/(split_|chunk_)/.test(route.request().url())) await new Promise((later) => setTimeout(later, 500));
    await route.continue();
  });
  await page.goto("/consultation");
  await fillCorrectly(page);
  arrive();
  await hydrated(page);
  // Focus was in the form when the page took over: that fetches its code.
  await formReady(page);
  await expect(page.getByLabel("Full name")).toHaveValue(ANA.name);
  await expect(page.getByRole("checkbox", { name: "Tuesday" })).toBeChecked();

  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(new URL(r.url()).pathname);
  });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we've received your request");
  // Sent by the app, with no error shown first: not the no-JavaScript path.
  expect(posts).toEqual(["/api/consultation"]);
});

test("the compact form on a service page preselects that service", async ({ page }) => {
  await page.goto("/services/acupuncture");
  await hydrated(page);
  const form = page.locator(".compact-form");
  await expect(form.getByLabel("Service you're interested in")).toHaveValue("acupuncture");
  await expect(form.getByLabel(/Anything else we should know/)).toHaveCount(0);
  await form.getByLabel("Full name").fill(BEN.name);
  await form.getByLabel("Phone", { exact: true }).fill(BEN.phone);
  await form.getByRole("radio", { name: "Phone call" }).check();
  await form.getByRole("radio", { name: "Returning patient" }).check();
  await form.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we've received your request");
});

test("@no-js without JavaScript the server shows the errors, keeps every value, then confirms", async ({ page }) => {
  await page.goto("/consultation");
  await page.getByLabel("Full name").fill(ANA.name);
  await page.getByLabel("Phone", { exact: true }).fill("555");
  await page.getByRole("checkbox", { name: "Friday" }).check();
  await page.getByLabel(/Anything else we should know/).fill(KEPT_MESSAGE);
  const response = page.waitForResponse((r) => r.url().endsWith("/consultation") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Send request" }).click();
  expect((await response).status()).toBe(422);

  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.locator("#cr-phone-error")).toContainText("10-digit US phone number");
  await expect(page.getByLabel("Full name")).toHaveValue(ANA.name);
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("555");
  await expect(page.getByRole("checkbox", { name: "Friday" })).toBeChecked();
  await expect(page.getByLabel(/Anything else we should know/)).toHaveValue(KEPT_MESSAGE);

  await page.getByLabel("Phone", { exact: true }).fill(ANA.phone);
  await page.getByRole("radio", { name: "Phone call" }).check();
  await page.getByRole("radio", { name: "New patient" }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/consultation\/sent\/CR-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: we've received your request");
});

// axe-core needs JavaScript, so the page the server sends back to a
// no-JavaScript visitor is checked here, with JavaScript on, as served.
test("the server's error page for a form sent without JavaScript has no axe violations", async ({ page }) => {
  await page.goto("/consultation");
  const token = await page.locator("input[name=token]").inputValue();
  const answer = await page.request.post("/consultation", {
    form: { name: ANA.name, phone: "555", days: "fri", token },
  });
  expect(answer.status()).toBe(422);
  const html = await answer.text();
  await page.route("**/consultation", (route) => route.fulfill({ status: 422, contentType: "text/html", body: html }));
  await page.goto("/consultation");
  await hydrated(page);
  await expect(page.locator(".error-summary")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(ANA.name);
  await expectNoAxeViolations(page, "showing server errors");
});

test("every page links to online booking and to the consultation form", async ({ page }) => {
  for (const path of ["/", "/services/chiropractic", "/articles/5-ways-that-acupuncture-helps-with-low-back-pain"]) {
    await page.goto(path);
    await expect(page.locator("header").getByRole("link", { name: "Schedule Online" })).toHaveAttribute("href", "/book");
    await expect(page.locator("main").getByRole("link", { name: "Request a consultation" }).first()).toHaveAttribute("href", "/consultation");
  }
  // A service's own page shows its appointments first.
  await page.goto("/services/chiropractic");
  await expect(page.locator("main").getByRole("link", { name: "Schedule Online" })).toHaveAttribute("href", "/book?service=chiropractic");
});
