import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

export const SEEDED_ARTICLE = "/articles/5-ways-that-acupuncture-helps-with-low-back-pain";
export const SEEDED_TITLE = "5 Ways that Acupuncture Helps with Low Back Pain";
export const CLINIC = "Monmouth Pain & Scoliosis Center";
export const ADMIN_EMAIL = "ada@clinic.example";
export const ADMIN_PASSWORD = "a long admin passphrase";

export const PUBLIC_PAGES = [
  "/",
  "/services",
  "/services/chiropractic",
  "/services/physical-therapy",
  "/services/occupational-therapy",
  "/services/scoliosis-treatments",
  "/services/acupuncture",
  "/articles",
  "/articles?category=acupuncture",
  SEEDED_ARTICLE,
  "/about",
  "/contact",
  "/privacy",
  "/consultation",
  "/book",
  "/no-such-page",
];

/**
 * Collects console errors and uncaught exceptions of a page. Chromium logs
 * every HTTP error answer as a failed load; those the tests assert on are
 * let through: a page answered 4xx (a 404 page, a form sent back with 422)
 * and a server function's 4xx (a wrong password, a forbidden action).
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  const expected = new Set<string>();
  page.on("response", (res) => {
    const kind = res.request().resourceType();
    const status = res.status();
    const api = new URL(res.url()).pathname.startsWith("/api/");
    if (status >= 400 && status < 500 && (kind === "document" || api)) expected.add(res.url());
  });
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (expected.has(msg.location().url) && msg.text().startsWith("Failed to load resource")) return;
    errors.push(`${msg.text()} (${msg.location().url})`);
  });
  // Where it happened: a panic in the release wasm is only `unreachable`,
  // and its stack of wasm functions is what is left to trace it by.
  page.on("pageerror", (err) => errors.push(`${err.message} on ${page.url()}\n${err.stack ?? ""}`));
  return errors;
}

/**
 * Collects every Content-Security-Policy violation of a page, in every
 * document it shows (the listener is added before any script of the page
 * runs). Without JavaScript there is no listener; the browser's console
 * error for a violation still fails the test (`collectConsoleErrors`).
 */
export async function collectPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeBinding("__policyViolation", (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __policyViolation: (t: string) => void }).__policyViolation;
      report(`${e.violatedDirective} blocked ${e.blockedURI || "inline code"} on ${e.documentURI}`);
    });
  });
  return violations;
}

/**
 * Fails the test on any console error, uncaught exception or
 * Content-Security-Policy violation in the page.
 */
export const test = base.extend<{ consoleErrors: string[]; policyViolations: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = collectConsoleErrors(page);
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  policyViolations: [
    async ({ page }, use) => {
      const violations = await collectPolicyViolations(page);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the wasm has taken over the server-rendered page. */
export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
}

/**
 * Waits until a consultation form's own code has taken it over: the form's
 * code is fetched when a patient first touches the form, and until then the
 * form is sent the way it is without JavaScript.
 */
export async function formReady(page: Page) {
  await expect(page.locator("form.consultation-form[data-hydrated]")).toHaveCount(1);
}

/** axe-core finds nothing on the page as it is now (WCAG 2.2 AA and best practices). */
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/**
 * The six-digit code an authenticator app shows for a base32 secret at a
 * time (RFC 6238: HMAC-SHA1, 30-second steps).
 */
export function totp(secret: string, unixSeconds = Date.now() / 1000): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...secret.replace(/[\s=]/g, "").toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, "0"))
    .join("");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return number.toString().padStart(6, "0");
}

/** Calls a server function from the test runner, as the admin's pages do; returns the answer. */
export async function callApi(endpoint: string, form: Record<string, string>, cookie = "") {
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/${endpoint}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(form).toString(),
  });
  if (!response.ok) throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
  return response;
}

/** The `name=value` of the session cookie an answer sets. */
export function sessionCookie(answer: Response): [string, string] {
  const [name, value] = (answer.headers.get("set-cookie") ?? "").split(";")[0].split("=");
  return [name, value];
}

let adminsMade = 0;

/**
 * Opens the admin as an administrator of the test's own: created by the
 * first administrator (global-setup.ts, whose session never enters a
 * browser), signed in and enrolled in two-factor sign-in from the test
 * runner, its session then given to the page. No test can end another's
 * session (a sign-out, a session cycled by a new sign-in), and several tests
 * at once need no shared code, which is accepted only once. The whole
 * sign-in and enrolment flow through the pages runs in admin.spec.ts.
 */
export async function asAdmin(page: Page) {
  const [root] = JSON.parse(readFileSync(process.env.E2E_ADMIN_STATE!, "utf8")).cookies;
  const email = `admin-${process.pid}-${++adminsMade}-${Date.now()}@clinic.example`;
  await callApi(
    "admin/create_account",
    { email, name: "Ada Admin", role: "admin", password: ADMIN_PASSWORD },
    `${root.name}=${root.value}`,
  );
  const [name, value] = sessionCookie(await callApi("admin/sign_in", { email, password: ADMIN_PASSWORD }));
  const cookie = `${name}=${value}`;
  const enrolment = await (await callApi("admin/two_factor_start", {}, cookie)).json();
  await callApi("admin/two_factor_confirm", { code: totp(enrolment.secret) }, cookie);
  await page.context().addCookies([{ ...root, name, value }]);
  const opened = await page.goto("/admin");
  expect(opened?.status(), "the admin opens for a signed-in administrator").toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Ada Admin");
}

/** Signs in to the admin through its form. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/admin/sign-in");
  await hydrated(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** On the accounts page, an administrator creates an account, and sees it confirmed. */
export async function createAccount(admin: Page, account: { name: string; email: string; role: string; password: string }) {
  await admin.getByLabel("Name").fill(account.name);
  await admin.getByLabel("E-mail").fill(account.email);
  await admin.getByLabel("Role").selectOption(account.role);
  await admin.getByLabel("First password").fill(account.password);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("status")).toContainText(account.email);
}

/** Opens the consultation form and gives its required answers (a returning patient, by phone call), ready to send. */
export async function fillRequest(page: Page, name: string, phone: string) {
  await page.goto("/consultation");
  await hydrated(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Phone", { exact: true }).fill(phone);
  await page.getByRole("radio", { name: "Phone call" }).check();
  await page.getByRole("radio", { name: "Returning patient" }).check();
  await page.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
}
