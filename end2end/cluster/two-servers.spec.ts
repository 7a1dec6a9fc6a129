import { Browser, Page, Response } from "@playwright/test";
import { test, expect, hydrated, asAdmin, collectConsoleErrors, signIn, createAccount, fillRequest } from "../tests/fixtures";
import { GRACE } from "../tests/patients";

// Two app servers behind nginx, round-robin (cluster-setup.ts). nginx names
// the server that answered each request in `X-Upstream`, so each test can
// show that the step it cares about was answered by the other server.

function upstream(response: Response | null): string {
  const answeredBy = response?.headers()["x-upstream"] ?? "";
  expect(answeredBy, `nginx names the server that answered ${response?.url()}`).toMatch(/^127\.0\.0\.1:\d+$/);
  return answeredBy;
}

/** How many passes `worker` has made on the server whose metrics are at `url`. */
async function passes(url: string, worker: string): Promise<number> {
  const text = await (await fetch(url)).text();
  const line = text.split("\n").find((l) => l.startsWith("background_passes_total{") && l.includes(`worker="${worker}"`));
  return Number(line?.split(" ").pop() ?? 0);
}

/** Waits until each server's `worker` has made `more` whole passes begun after this call. */
async function afterPasses(worker: string, more: number) {
  for (const url of process.env.E2E_CLUSTER_METRICS!.split(",")) {
    // The pass under way now may have begun before: it does not count.
    const target = (await passes(url, worker)) + more + 1;
    await expect
      .poll(() => passes(url, worker), { message: `${url}: ${more} more ${worker} passes`, timeout: 30_000 })
      .toBeGreaterThanOrEqual(target);
  }
}

async function person(browser: Browser, errors: string[][]): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  errors.push(collectConsoleErrors(page));
  return page;
}

test("a request sent through one server is in the inbox read through the other", async ({ page, browser }) => {
  const errors = [collectConsoleErrors(page)];
  const patient = await person(browser, errors);
  await fillRequest(patient, GRACE.name, GRACE.phone);
  const sent = patient.waitForResponse((r) => r.url().endsWith("/api/consultation") && r.request().method() === "POST");
  await patient.getByRole("button", { name: "Send request" }).click();
  const storedBy = upstream(await sent);
  await expect(patient).toHaveURL(/\/consultation\/sent\/CR-/);
  const reference = ((await patient.locator(".reference").textContent()) ?? "").trim();
  expect(reference).toMatch(/^CR-/);

  // The front desk's inbox, rendered by each server in turn until the one
  // that did not store the request has shown it too.
  await asAdmin(page);
  const shownBy = new Set<string>();
  for (let attempt = 0; attempt < 8 && shownBy.size < 2; attempt++) {
    const inbox = await page.goto("/admin/requests");
    const renderedBy = upstream(inbox);
    expect(await inbox!.text(), `the inbox ${renderedBy} rendered lists ${reference}`).toContain(reference);
    await expect(page.getByRole("row", { name: new RegExp(reference) })).toBeVisible();
    shownBy.add(renderedBy);
  }
  expect([...shownBy].sort(), "both servers rendered the request in the inbox").toHaveLength(2);
  expect(shownBy.has(storedBy)).toBe(true);
  expect(errors.flat(), "console errors").toEqual([]);
});

/** An editor account, made by the administrator; its e-mail. */
async function newEditor(admin: Page): Promise<string> {
  await asAdmin(admin);
  await admin.goto("/admin/accounts");
  await hydrated(admin);
  const email = `editor-${Date.now()}-${Math.floor(Math.random() * 1e6)}@clinic.example`;
  await createAccount(admin, { name: "Eddie Editor", email, role: "editor", password: "editor passphrase 1" });
  return email;
}

/** Signs the editor in through the form; the server that answered. */
async function signInEditor(editor: Page, email: string): Promise<string> {
  const answered = editor.waitForResponse((r) => r.url().endsWith("/api/admin/sign_in"));
  await signIn(editor, email, "editor passphrase 1");
  const by = upstream(await answered);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(/^Welcome/);
  return by;
}

async function newArticle(editor: Page, title: string) {
  await editor.goto("/admin/articles/new");
  await hydrated(editor);
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("New article");
  await editor.getByLabel("Title", { exact: true }).fill(title);
  await editor.getByLabel("Category").fill("Physical Therapy");
  await editor.getByLabel("Text (Markdown)").fill("Stand up every hour.");
}

test("a member signed in on one server saves an article through the other", async ({ page, browser }) => {
  const errors = [collectConsoleErrors(page)];
  const email = await newEditor(page);
  const editor = await person(browser, errors);
  const signedInOn = await signInEditor(editor, email);

  const title = `Breaks at work ${Date.now()}`;
  await newArticle(editor, title);
  const savedBy = new Set<string>();
  for (let save = 1; save <= 8 && !(savedBy.size === 2); save++) {
    await editor.getByLabel("Text (Markdown)").fill(`Stand up every hour (version ${save}).`);
    const answered = editor.waitForResponse((r) => r.url().endsWith("/api/admin/save_article"));
    await editor.getByRole("button", { name: "Save draft" }).click();
    const response = await answered;
    expect(response.status(), "the save is accepted whichever server answers").toBe(200);
    savedBy.add(upstream(response));
    await expect(editor.getByRole("status")).toHaveText("Saved.");
  }
  expect(savedBy.size, "saves answered by both servers in one session").toBe(2);
  expect(savedBy.has(signedInOn)).toBe(true);

  // The last version is what both servers show in the editor.
  const id = editor.url().match(/\/admin\/articles\/(\d+)$/)?.[1];
  expect(id).toBeTruthy();
  const version = await editor.getByLabel("Text (Markdown)").inputValue();
  const openedBy = new Set<string>();
  for (let attempt = 0; attempt < 8 && openedBy.size < 2; attempt++) {
    const opened = await editor.goto(`/admin/articles/${id}`);
    openedBy.add(upstream(opened));
    await expect(editor.getByLabel("Text (Markdown)")).toHaveValue(version);
  }
  expect(openedBy.size).toBe(2);
  expect(errors.flat(), "console errors").toEqual([]);
});

/** `YYYY-MM-DDTHH:MM` in the browser's time zone, as a datetime-local field takes it. */
function localMinute(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test("an article scheduled a minute ahead is published once by one of the servers", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const errors = [collectConsoleErrors(page)];
  const email = await newEditor(page);
  const editor = await person(browser, errors);
  await signInEditor(editor, email);
  const title = `Winter walking ${Date.now()}`;
  await newArticle(editor, title);
  // The next whole minute at least 30 s away: the field takes minutes.
  const at = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
  const timeZone = await editor.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(timeZone, "node and the browser read the same clock").toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  await editor.getByLabel("Publish later (your local time)").fill(localMinute(at));
  await editor.getByRole("button", { name: "Schedule" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved and scheduled.");
  const id = editor.url().match(/\/admin\/articles\/(\d+)$/)?.[1];
  const slug = title.toLowerCase().replace(/ /g, "-");

  const patient = await person(browser, errors);
  expect((await patient.goto(`/articles/${slug}`))?.status(), "not public before its time").toBe(404);
  await expect
    .poll(async () => (await patient.request.get(`/articles/${slug}`)).status(), {
      message: "published within seconds of its time",
      timeout: 150_000,
      intervals: [1_000],
    })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  // Both servers look every second: after each has looked three more
  // times, the audit log still holds one publication of it.
  await afterPasses("publish", 3);
  await asAdmin(page);
  await page.goto("/admin/audit");
  const published = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "article.published", exact: true }) });
  await expect(published.filter({ has: page.getByRole("cell", { name: id!, exact: true }) })).toHaveCount(1);
  for (const reader of [1, 2]) {
    const answered = await patient.goto(`/articles/${slug}`);
    expect(answered?.status(), `reader ${reader} (${upstream(answered)})`).toBe(200);
    await expect(patient.getByRole("heading", { level: 1 })).toHaveText(title);
  }
  expect(errors.flat(), "console errors").toEqual([]);
});
