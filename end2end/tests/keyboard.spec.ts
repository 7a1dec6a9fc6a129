import { Page, Locator } from "@playwright/test";
import { test, expect, hydrated, expectNoAxeViolations, asAdmin, signIn, PUBLIC_PAGES, SEEDED_TITLE, CLINIC, createAccount } from "./fixtures";
import { BEN } from "./patients";

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard
 * user would; fails if it is not reached in `max` presses.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target, `reached by ${back ? "Shift+Tab" : "Tab"}`).toBeFocused();
}

/** What has the focus: its tag and its text or label, for messages. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}` : "nothing";
  });
}

/**
 * Tabs through the page: every stop shows a focus ring of at least 2 px,
 * and nothing (a sticky bar, a dialog) covers it once it is scrolled into
 * view (WCAG 2.4.7, 2.4.11).
 */
async function expectVisibleFocus(page: Page, path: string) {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(async () => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // The browser scrolls the focus into view (smoothly): measure
        // where it comes to rest.
        let last = NaN;
        for (let frame = 0; frame < 90; frame++) {
          const box = el.getBoundingClientRect();
          const inView = box.top >= 0 && box.bottom <= innerHeight;
          if (inView && box.top === last) break;
          last = box.top;
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
        const top = document.elementFromPoint(x, y);
        return {
          key: `${el.tagName}|${el.getAttribute("href") ?? ""}|${el.id}|${(el.textContent ?? "").trim().slice(0, 30)}|${Math.round(box.top + scrollY)}`,
          name: `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}"`,
          ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
          covered: !(top && (el === top || el.contains(top) || top.contains(el))),
          by: top ? `${top.tagName.toLowerCase()}.${top.className} at ${Math.round(x)},${Math.round(y)} box ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)} vh ${innerHeight}` : "nothing",
        };
      });
      if (!stop || seen.has(stop.key)) break;
      seen.add(stop.key);
      expect(stop.ring, `${path}: ${stop.name} shows a focus ring`).toBe(true);
      expect(stop.covered, `${path}: ${stop.name} is not hidden behind ${stop.by}`).toBe(false);
    }
    expect(seen.size, `${path}: Tab reached the page's controls`).toBeGreaterThan(3);
}

async function focusIsInMain(page: Page) {
  return page.evaluate(() => !!document.activeElement?.closest("main"));
}

test("the skip link is the first stop, shows, and moves focus into the content before and after hydration and after navigating", async ({ page }) => {
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await page.goto("/services");
  // Before the page's code has run, the browser follows the link.
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await hydrated(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusIsInMain(page), `after the skip, Tab reached ${await focused(page)}`).toBe(true);

  // A client-side navigation by keyboard: focus and title follow.
  await tabTo(page, page.getByRole("link", { name: "Acupuncture" }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acupuncture");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(`Acupuncture | ${CLINIC}`);
  // Back to the top: the skip link still works.
  await tabTo(page, skip, { back: true });
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focusIsInMain(page), `Tab reached ${await focused(page)}`).toBe(true);
});

test("@no-js without JavaScript the skip link is the first stop and the next Tab is in the content", async ({ page }) => {
  await page.goto("/articles");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  expect(await focusIsInMain(page), `Tab reached ${await focused(page)}`).toBe(true);
});

test("a patient uses the menu, reads a service and an article, and sends a request, all by keyboard", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  const button = page.getByRole("button", { name: "Menu" });
  // On a phone the navigation is behind the menu button.
  if (await button.isVisible()) {
    await tabTo(page, button);
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
    await page.keyboard.press("Space");
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }
  const nav = page.getByRole("navigation", { name: "Main" });
  await tabTo(page, nav.getByRole("link", { name: "Services" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our services");

  await tabTo(page, page.locator("main").getByRole("link", { name: "Acupuncture" }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acupuncture");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  await page.goto("/articles");
  await hydrated(page);
  await tabTo(page, page.getByRole("link", { name: SEEDED_TITLE }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_TITLE);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(`${SEEDED_TITLE} | ${CLINIC}`);

  // The consultation form: a mistake first.
  await page.goto("/consultation");
  await hydrated(page);
  await tabTo(page, page.getByLabel("Full name"));
  await page.keyboard.type(BEN.name);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Phone", { exact: true })).toBeFocused();
  await page.keyboard.type("555");
  await tabTo(page, page.getByRole("button", { name: "Send request" }));
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute("role", "alert");
  await tabTo(page, summary.getByRole("link", { name: /phone/i }).first());
  await page.keyboard.press("Enter");
  const phone = page.getByLabel("Phone", { exact: true });
  await expect(phone).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(BEN.phone);
  // A radio group is one stop; arrows choose within it.
  await tabTo(page, page.getByRole("radio", { name: "Phone call" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Phone call" })).toBeChecked();
  await tabTo(page, page.getByRole("radio", { name: "New patient" }));
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Returning patient" })).toBeChecked();
  await tabTo(page, page.getByRole("checkbox", { name: /I agree to be contacted/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Send request" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/consultation\/sent\/CR-/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("staff handle a request by keyboard, and the delete confirmation keeps and returns the focus", async ({ page, browser }) => {
  // A request to handle.
  const patient = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await patient.goto("/consultation");
  await hydrated(patient);
  await patient.getByLabel("Full name").fill(BEN.name);
  await patient.getByLabel("Phone", { exact: true }).fill(BEN.phone);
  await patient.getByRole("radio", { name: "Phone call" }).check();
  await patient.getByRole("radio", { name: "New patient" }).check();
  await patient.getByRole("checkbox", { name: /I agree to be contacted/ }).check();
  await patient.getByRole("button", { name: "Send request" }).click();
  const reference = (await patient.locator(".reference").textContent()) ?? "";

  await asAdmin(page);
  await hydrated(page);
  await tabTo(page, page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /Requests/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultation requests");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await tabTo(page, page.getByRole("row", { name: new RegExp(reference) }).getByRole("link"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(BEN.name);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await tabTo(page, page.getByLabel("Status"));
  await page.keyboard.press("ArrowDown");
  await tabTo(page, page.getByRole("button", { name: "Save status" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Add a note"));
  await page.keyboard.type("Keyboard note");
  await tabTo(page, page.getByRole("button", { name: "Add note" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Keyboard note")).toBeVisible();

  // An article, written, previewed and published by keyboard; then the
  // delete dialog.
  await page.goto("/admin/articles/new");
  await hydrated(page);
  await tabTo(page, page.getByLabel("Title", { exact: true }));
  const title = `Keyboard article ${Date.now()}`;
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel("Category"));
  await page.keyboard.type("Physical Therapy");
  await tabTo(page, page.getByLabel("Text (Markdown)"));
  await page.keyboard.type("Written without a mouse.");
  await tabTo(page, page.getByRole("button", { name: "Preview" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Preview" }).getByText("Written without a mouse.")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Publish now" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("published");

  const remove = page.getByRole("button", { name: "Delete article" });
  await tabTo(page, remove);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Delete this article?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await expectNoAxeViolations(page, "the delete dialog");
  // Tab and Shift+Tab stay inside.
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} left the dialog`).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Keep it" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
});

test("an editor signs in by keyboard", async ({ page }) => {
  // The account, made by an administrator.
  await asAdmin(page);
  await page.goto("/admin/accounts");
  await hydrated(page);
  const email = `keys-${Date.now()}@clinic.example`;
  await createAccount(page, { name: "Kay Board", email, role: "editor", password: "keyboard passphrase" });
  await page.context().clearCookies();

  await page.goto("/admin/sign-in");
  await hydrated(page);
  await tabTo(page, page.getByLabel("E-mail"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("keyboard passphrase");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Kay Board");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the idle warning takes the focus, keeps it, and gives it back", async ({ page }) => {
  await page.clock.install();
  await asAdmin(page);
  await hydrated(page);
  const link = page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Articles" });
  await tabTo(page, link);
  // Thirteen quiet minutes: the warning comes two minutes before the end.
  await page.clock.runFor("13:15");
  const dialog = page.getByRole("dialog", { name: /signed out in about two minutes/ });
  await expect(dialog).toBeVisible();
  const stay = dialog.getByRole("button", { name: "Stay signed in" });
  await expect(stay).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(stay).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(stay).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();
});

for (const path of PUBLIC_PAGES) {
  test(`${path}: each focus is visible and not covered; phone targets are at least 24 px; 200% text fits 320 px`, async ({ page }, info) => {
    await page.goto(path);
    await hydrated(page);
    await expectVisibleFocus(page, path);

    if (info.project.name === "phone") {
      const small = await page.evaluate(() => {
        const inline = (el: Element) => {
          // WCAG 2.5.8's exception: a link inside a sentence.
          const parent = el.parentElement;
          return getComputedStyle(el).display === "inline" && !!parent && (parent.textContent ?? "").trim() !== (el.textContent ?? "").trim();
        };
        return [...document.querySelectorAll("a[href], button, input, select, textarea, summary")]
          // Not targets for people: hidden, the skip link (off screen until
          // focused), and the spam trap (never reachable: tabindex -1).
          .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest(".visually-hidden") && !el.classList.contains("skip-link") && el.getAttribute("tabindex") !== "-1")
          .filter((el) => !(el as HTMLInputElement).type || (el as HTMLInputElement).type !== "hidden")
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ el, box }) => (box.width < 24 || box.height < 24) && !inline(el))
          .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
      });
      expect(small, `${path}: targets under 24 by 24 px`).toEqual([]);

      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // Data tables scroll inside their own box; nothing else may.
        return [...document.querySelectorAll("body *")]
          .filter((el) => !el.closest(".table-wrap, .visually-hidden, .skip-link") && el.getBoundingClientRect().right > width + 0.5)
          .filter((el) => ![...el.children].some((child) => child.getBoundingClientRect().right > width + 0.5))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").trim().slice(0, 30)}" to ${Math.round(el.getBoundingClientRect().right)} px`);
      });
      expect(wide, `${path}: wider than the 320 px screen at 200% text`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path}: sideways scrolling at 200% text`).toBeLessThanOrEqual(0);
      await expect(page.getByRole("heading", { level: 1 })).toBeInViewport({ ratio: 0.1 }).catch(async () => {
        await page.getByRole("heading", { level: 1 }).scrollIntoViewIfNeeded();
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      });
    }
  });
}

test("with reduced motion asked for, nothing moves", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  await hydrated(page);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .map((el) => ({ el, style: getComputedStyle(el) }))
      .filter(({ style }) =>
        style.animationName !== "none" ||
        style.transitionDuration.split(",").some((d) => parseFloat(d) > 0),
      )
      .map(({ el }) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : "")),
  );
  expect(moving, "animated or transitioning elements").toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
});

test("@no-js without JavaScript a patient sends a request by keyboard, and the errors page puts the focus on its summary", async ({ page }) => {
  await page.goto("/consultation");
  await tabTo(page, page.getByLabel("Full name"));
  await page.keyboard.type(BEN.name);
  await page.keyboard.press("Tab");
  await page.keyboard.type("555");
  await tabTo(page, page.getByRole("button", { name: "Send request" }));
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await tabTo(page, summary.getByRole("link", { name: /phone/i }).first());
  await page.keyboard.press("Enter");
  // The browser moves to the field; the next Tab starts from there.
  await expect(page).toHaveURL(/#cr-phone$/);
  await page.keyboard.press("Tab");
  const phone = page.getByLabel("Phone", { exact: true });
  await tabTo(page, phone, { back: true, max: 3 });
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(BEN.phone);
  await tabTo(page, page.getByRole("radio", { name: "Phone call" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("radio", { name: "New patient" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("checkbox", { name: /I agree to be contacted/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Send request" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/consultation\/sent\/CR-/);
});

const ADMIN_PAGES = ["/admin", "/admin/requests", "/admin/articles", "/admin/articles/new", "/admin/services", "/admin/clinic", "/admin/redirects", "/admin/accounts", "/admin/audit"];

test("@desktop every admin page's focus is visible and not covered", async ({ page }) => {
  await asAdmin(page);
  for (const path of ADMIN_PAGES) {
    await page.goto(path);
    await hydrated(page);
    await expectVisibleFocus(page, path);
  }
});
