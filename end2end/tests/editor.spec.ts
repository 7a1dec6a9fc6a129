import { Browser, Page } from "@playwright/test";
import { test, expect, hydrated, collectConsoleErrors, expectNoAxeViolations, signIn as signInForm, asAdmin, createAccount } from "./fixtures";

async function signIn(page: Page, email: string, password: string) {
  await signInForm(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Welcome/);
}


test("@desktop an editor writes, previews, publishes, edits and unpublishes an article", async ({ page, browser }) => {
  const errors: string[][] = [];
  // An administrator creates the editor's account.
  await asAdmin(page);
  await page.goto("/admin/accounts");
  await hydrated(page);
  const email = `editor-${Date.now()}@clinic.example`;
  await createAccount(page, { name: "Eddie Editor", email, role: "editor", password: "editor passphrase 1" });

  const editorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const editor = await editorContext.newPage();
  errors.push(collectConsoleErrors(editor));
  await signIn(editor, email, "editor passphrase 1");
  await editor.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Articles" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Articles");
  await expectNoAxeViolations(editor, "the article list");
  await editor.getByRole("link", { name: "Write a new article" }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("New article");

  const title = `Posture at the desk ${Date.now()}`;
  await editor.getByLabel("Title", { exact: true }).fill(title);
  await editor.getByLabel("Category").fill("Physical Therapy");
  await editor.getByLabel("Text (Markdown)").fill("Sit **tall**.\n\n## Three habits\n\n1. Stand up every hour\n2. Screen at eye level\n3. Feet flat");
  // A photo for the top, drawn by the browser and uploaded as a JPEG.
  const photo = await editor.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1600;
    canvas.height = 900;
    const ctx = canvas.getContext("2d")!;
    const gradient = ctx.createLinearGradient(0, 0, 1600, 900);
    gradient.addColorStop(0, "#2b6cb0");
    gradient.addColorStop(1, "#f6e05e");
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 1600, 900);
    return canvas.toDataURL("image/jpeg", 0.9).split(",")[1];
  });
  await editor.getByLabel("Choose an image").setInputFiles({
    name: "desk.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from(photo, "base64"),
  });
  await expect(editor.getByRole("button", { name: "Remove image" })).toBeVisible();
  // Alt text is required: saving without it says so at the field.
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByText("Describe the image for people who can't see it, or mark it decorative.")).toBeVisible();
  await editor.getByLabel("What the image shows").fill("A desk with a screen at eye level");

  await editor.getByRole("button", { name: "Preview" }).click();
  const preview = editor.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Three habits" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("tall");
  await expect(preview.getByRole("img", { name: "A desk with a screen at eye level" })).toBeVisible();
  await expectNoAxeViolations(editor, "the editor with a preview");

  await editor.getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByRole("status")).toContainText("published");
  await expect(editor).toHaveURL(/\/admin\/articles\/\d+$/);
  const slug = title.toLowerCase().replace(/ /g, "-");

  // A patient on a phone sees it.
  const phoneContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: { width: 320, height: 640 },
    isMobile: true,
  });
  const phone = await phoneContext.newPage();
  errors.push(collectConsoleErrors(phone));
  await phone.goto("/articles");
  await phone.getByRole("link", { name: title }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(phone.getByRole("heading", { name: "Three habits" })).toBeVisible();
  const hero = phone.getByRole("img", { name: "A desk with a screen at eye level" });
  await expect(hero).toBeVisible();
  // The phone picks a small size from the srcset, and it loads.
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await hero.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/[0-9a-f]{32}-(480|960)\.jpg$/);

  // The editor changes it; the change is public at once.
  await editor.getByLabel("Text (Markdown)").fill("Sit **tall**, and breathe.");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByRole("status")).toHaveText("Saved.");
  await phone.goto(`/articles/${slug}`);
  await expect(phone.locator(".prose")).toContainText("and breathe");

  // Unpublished: gone from the public site.
  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.getByRole("status")).toContainText("taken off the public site");
  const gone = await phone.goto(`/articles/${slug}`);
  expect(gone?.status()).toBe(404);
  expect(errors.flat(), "console errors in the editor's and the patient's browsers").toEqual([]);
});

test("@desktop an editor updates a service page and finds articles by category", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await asAdmin(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Services");
  await expectNoAxeViolations(page, "the service list");
  await page.getByRole("link", { name: "Occupational Therapy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit service: Occupational Therapy");
  await hydrated(page);
  await expectNoAxeViolations(page, "the service editor");

  const body = page.getByLabel("Text (Markdown)");
  const added = `Evening appointments are available on request (${Date.now()}).`;
  await body.fill(`${await body.inputValue()}\n\n${added}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: the public page shows it now.");
  await page.goto("/services/occupational-therapy");
  await expect(page.locator(".prose")).toContainText(added);

  await page.goto("/admin/articles");
  await hydrated(page);
  await page.getByLabel("Category").selectOption("Acupuncture");
  await expect(page.getByRole("link", { name: "5 Ways that Acupuncture Helps with Low Back Pain" })).toBeVisible();
  // The list answers the choice after a round trip; wait for it rather than read the rows of the list before it.
  await expect
    .poll(async () => [...new Set(await page.locator("tbody tr td:nth-child(2)").allInnerTexts())])
    .toEqual(["Acupuncture"]);

  // The clinic's details and the redirect table.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Clinic details" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clinic details");
  await expect(page.getByLabel("Phone")).toHaveValue("(732) 345-1377");
  await expectNoAxeViolations(page, "the clinic details");
  // The categories' Spanish names (saved as they are: other tests read them).
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Categories" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Categories");
  const spanishName = page.getByRole("textbox", { name: "Acupuncture in Spanish" });
  await expect(spanishName).toHaveValue("Acupuntura");
  await expectNoAxeViolations(page, "the categories");
  await page.getByRole("button", { name: "Save the Spanish name of Acupuncture" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Redirects" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redirects");
  const from = `/old-offer-${Date.now()}/`;
  await page.getByLabel("Old address").fill(from);
  await page.getByLabel("New address").fill("/services/acupuncture");
  await page.getByRole("button", { name: "Add redirect" }).click();
  await expect(page.getByRole("cell", { name: from, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "the redirects");
  const moved = await page.request.get(from, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers()["location"]).toBe("/services/acupuncture");
  expect(errors).toEqual([]);
});
