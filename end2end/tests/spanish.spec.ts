import { Page } from "@playwright/test";
import { test, expect, hydrated, formReady, expectNoAxeViolations, asAdmin, SEEDED_ARTICLE, SEEDED_TITLE, CLINIC } from "./fixtures";
import { ANA } from "./patients";

const SEEDED_ARTICLE_ES = SEEDED_ARTICLE.replace("/articles/", "/es/articulos/");

/** Every public page in Spanish, as a patient reaches it. */
export const SPANISH_PAGES = [
  "/es",
  "/es/servicios",
  "/es/servicios/quiropractica",
  "/es/servicios/acupuntura",
  "/es/articulos",
  "/es/articulos?category=acupuncture",
  SEEDED_ARTICLE_ES,
  "/es/quienes-somos",
  "/es/contacto",
  "/es/privacidad",
  "/es/consulta",
  "/es/reservar",
  "/es/no-existe",
];

/** The same page in each language: [English, Spanish]. */
const PAIRS: [string, string][] = [
  ["/", "/es"],
  ["/services", "/es/servicios"],
  ["/services/acupuncture", "/es/servicios/acupuntura"],
  ["/articles", "/es/articulos"],
  [SEEDED_ARTICLE, SEEDED_ARTICLE_ES],
  ["/about", "/es/quienes-somos"],
  ["/contact", "/es/contacto"],
  ["/privacy", "/es/privacidad"],
  ["/consultation", "/es/consulta"],
  ["/book", "/es/reservar"],
];

/** Marks the document: a full page load loses the mark, client-side navigation keeps it. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
}

async function documentKept(page: Page) {
  return page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
}

test("a Spanish page is rendered by the server in Spanish and hydrates", async ({ page }) => {
  const response = await page.goto("/es/servicios/acupuntura");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acupuntura");
  await expect(page).toHaveTitle(/^Acupuntura \| /);
  // The menu is folded on a phone: its words are checked, not its visibility.
  await expect(page.locator("#site-nav")).toHaveAttribute("aria-label", "Principal");
  await expect(page.locator("#site-nav a", { hasText: "Servicios" })).toHaveAttribute("href", "/es/servicios");
  // The seeded body is in Spanish too, so nothing is marked as another language.
  await expect(page.locator(".prose")).toContainText("La acupuntura consiste en colocar agujas finas");
  await expect(page.locator(".prose")).not.toHaveAttribute("lang", /./);
  await expect(page.getByText("Esta página aún no está traducida al español")).toHaveCount(0);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("banner").getByRole("link", { name: "Pida una cita" })).toHaveAttribute("href", "/es/reservar");
});

test("client-side navigation stays in Spanish", async ({ page }) => {
  await page.goto("/es");
  await hydrated(page);
  await markDocument(page);
  await expect(page.getByRole("heading", { level: 2, name: "Nuestros servicios, todos bajo un mismo techo" })).toBeVisible();

  await page.getByRole("link", { name: "Fisioterapia" }).first().click();
  await expect(page).toHaveURL("/es/servicios/fisioterapia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fisioterapia");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  await page.getByRole("contentinfo").getByRole("link", { name: "Privacidad" }).click();
  await expect(page).toHaveURL("/es/privacidad");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacidad");
  await expect(page).toHaveTitle(/^Privacidad \| /);
  expect(await documentKept(page)).toBe(true);
});

test("the language switch keeps the patient on the same page, both ways", async ({ page }) => {
  await page.goto("/services/chiropractic");
  await hydrated(page);
  await markDocument(page);
  await page.getByRole("link", { name: "Español", exact: true }).click();
  // The switch keeps the slug; the server sends it on to the Spanish one.
  await expect(page).toHaveURL("/es/servicios/quiropractica");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quiropráctica");
  // Its text is Spanish, under Spanish navigation.
  await expect(page.locator(".prose")).toContainText("La quiropráctica estudia cómo se mueven la columna");
  await expect(page.locator("#site-nav")).toHaveAttribute("aria-label", "Principal");
  await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", /\/es\/servicios\/quiropractica$/);

  await page.getByRole("link", { name: "English", exact: true }).click();
  await expect(page).toHaveURL("/services/chiropractic");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chiropractic");
  await expect(page.locator("#site-nav")).toHaveAttribute("aria-label", "Main");
  expect(await documentKept(page)).toBe(true);
});

test("@desktop hreflang alternates name each other both ways, with English as the default", async ({ request }) => {
  const links = async (path: string) => {
    const html = await (await request.get(path)).text();
    const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
    const tags = html.match(/<link [^>]*>/g) ?? [];
    const alternates = Object.fromEntries(
      tags.filter((t) => /rel="alternate"/.test(t) && /hreflang=/.test(t)).map((t) => [attr(t, "hreflang"), new URL(attr(t, "href")).pathname + new URL(attr(t, "href")).search]),
    );
    const canonical = tags.find((t) => /rel="canonical"/.test(t));
    return { alternates, canonical: canonical ? new URL(attr(canonical, "href")).pathname : "", lang: /<html lang="([^"]+)"/.exec(html)?.[1] };
  };
  for (const [en, es] of PAIRS) {
    const english = await links(en);
    const spanish = await links(es);
    expect(english.lang, en).toBe("en");
    expect(spanish.lang, es).toBe("es");
    expect(english.canonical, en).toBe(en);
    expect(spanish.canonical, es).toBe(es);
    for (const seen of [english, spanish]) {
      expect(seen.alternates, `${en} / ${es}`).toEqual({ en, es, "x-default": en });
    }
  }
  // The sitemap lists both languages.
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const [en, es] of PAIRS) {
    expect(sitemap).toContain(`${en}</loc>`);
    expect(sitemap).toContain(`${es}</loc>`);
  }
  expect(sitemap).toContain('hreflang="x-default"');
});

test("@desktop every Spanish page passes axe", async ({ page }) => {
  for (const path of SPANISH_PAGES) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await hydrated(page);
    await expectNoAxeViolations(page, path);
  }
});

/** Words of an English page that Spanish pages never use (whole words: letters with accents count as letters). */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|with|your|our|you|for|from|about|home|services?|articles?|contact|privacy|call|schedule|request|send|read|more|menu|skip|page|not|found|hours|open|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|what|how|who|when|why|new|patients?|appointment|treatment|pain|back|neck|first|visit|all|newer|older|of|in|to|is|are|acupuncture|chiropractic|physical|occupational|therapy|scoliosis|treatments?)(?!\p{L})/giu;

test("@desktop no Spanish page shows English, but an article staff have not translated yet", async ({ page }) => {
  for (const path of SPANISH_PAGES.filter((p) => p !== SEEDED_ARTICLE_ES)) {
    await page.goto(path);
    await hydrated(page);
    // What the patient sees, less what is marked as another language (an
    // untranslated article's title in a list) and the clinic's own name.
    const text = await page.evaluate((clinic) => {
      const body = document.body.cloneNode(true) as HTMLElement;
      body.querySelectorAll('[lang]:not([lang="es"]), script, style, [hidden]').forEach((e) => e.remove());
      document.body.append(body);
      body.style.position = "absolute";
      const seen = body.innerText;
      body.remove();
      return seen.split(clinic).join(" ");
    }, CLINIC);
    const english = [...new Set(text.match(ENGLISH_WORDS) ?? [])];
    expect(english, `${path} shows English words: ${english.join(", ")}`).toEqual([]);
  }
});

test("the form says what is wrong in Spanish, and the request is sent from the Spanish page", async ({ page }) => {
  await page.goto("/es/consulta");
  await hydrated(page);
  await page.getByLabel("Nombre completo").focus();
  await formReady(page);
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText("Hay un problema con su solicitud");
  await expect(summary.getByRole("link", { name: "Escriba su nombre completo." })).toBeVisible();
  await expectNoAxeViolations(page, "Spanish form with errors");

  const phone = page.getByLabel("Teléfono", { exact: true });
  await phone.fill("555-01");
  await phone.blur();
  await expect(page.locator("#cr-phone-error")).toContainText("10 dígitos");

  await page.getByLabel("Nombre completo").fill(ANA.name);
  await phone.fill(ANA.phone);
  await page.getByRole("radio", { name: "Llamada" }).check();
  await page.getByLabel("Servicio que le interesa").selectOption({ label: "Acupuntura" });
  await page.getByRole("radio", { name: "Paciente nuevo" }).check();
  await page.getByLabel(/Algo más que debamos saber/).fill("Hola");
  await expect(page.locator("#cr-message-count")).toHaveText("4 de 1000 caracteres");
  await page.getByRole("checkbox", { name: /Acepto que me contacten/ }).check();
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page).toHaveURL(/\/es\/consulta\/enviada\/CR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gracias: hemos recibido su solicitud");
  const reference = (await page.locator(".reference").textContent()) ?? "";

  // The front desk sees the request marked Spanish.
  const staff = await page.context().browser()!.newPage();
  await asAdmin(staff);
  await staff.goto("/admin/requests");
  const row = staff.getByRole("row").filter({ hasText: reference });
  await expect(row.getByRole("cell", { name: "Spanish" })).toBeVisible();
  await staff.close();
});

test("@no-js without JavaScript the form's errors come back in Spanish, on the Spanish page", async ({ page }) => {
  await page.goto("/es/consulta");
  await page.getByLabel("Nombre completo").fill(ANA.name);
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  expect((await answer).status()).toBe(422);
  await expect(page).toHaveURL("/es/consulta");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(".error-summary h2")).toHaveText("Hay un problema con su solicitud");
  await expect(page.locator("#cr-phone-error")).toContainText("Escriba un número de teléfono");
  // What was typed is kept.
  await expect(page.getByLabel("Nombre completo")).toHaveValue(ANA.name);
});

test.describe("a browser that prefers Spanish", () => {
  test.use({ locale: "es-US" });

  test("is offered the Spanish page, never sent there, and can say no", async ({ page }) => {
    const response = await page.goto("/services/acupuncture");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL("/services/acupuncture");
    await hydrated(page);
    const offer = page.locator(".language-suggestion");
    await expect(offer).toContainText("Este sitio también está en español.");
    await expect(offer.getByRole("link", { name: "Lea esta página en español" })).toHaveAttribute("href", "/es/servicios/acupuncture");
    await expectNoAxeViolations(page, "the suggestion");
    await offer.getByRole("button", { name: "No, gracias" }).click();
    await expect(offer).toBeHidden();
    await page.getByRole("contentinfo").getByRole("link", { name: "About" }).click();
    await expect(page).toHaveURL("/about");
    await expect(page.locator(".language-suggestion")).toBeHidden();
  });

  test("is not offered anything on a Spanish page", async ({ page }) => {
    await page.goto("/es");
    await hydrated(page);
    await expect(page.locator(".language-suggestion")).toBeHidden();
  });
});

test("@desktop staff write a service page's Spanish text in its own tab, preview it, and patients read it", async ({ page }) => {
  await asAdmin(page);
  await page.goto("/admin/services/occupational-therapy");
  await hydrated(page);
  const tabs = page.getByRole("tablist", { name: "Language" });
  await tabs.getByRole("tab", { name: "English" }).focus();
  await page.keyboard.press("ArrowRight");
  const spanishTab = tabs.getByRole("tab", { name: "Spanish" });
  await expect(spanishTab).toHaveAttribute("aria-selected", "true");
  await expect(spanishTab).toBeFocused();
  const panel = page.getByRole("tabpanel", { name: "Spanish" });
  await expect(panel.getByLabel("Name in Spanish")).toHaveValue("Terapia ocupacional");
  await expectNoAxeViolations(page, "the Spanish tab");

  await panel.getByLabel(/^Text in Spanish/).fill("## Qué esperar\n\nLe ayudamos con las tareas de cada día.");
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(panel.locator(".preview h2", { hasText: "Qué esperar" })).toBeVisible();

  // A mistake is said next to its field, and nothing is lost.
  await panel.getByLabel(/^Address in Spanish/).fill("Terapia Ocupacional");
  await panel.getByRole("button", { name: "Save Spanish" }).click();
  await expect(panel.locator(".field-error").first()).toContainText("lower-case letters");
  await panel.getByLabel(/^Address in Spanish/).fill("terapia-ocupacional");
  await panel.getByRole("button", { name: "Save Spanish" }).click();
  await expect(panel.getByRole("status")).toContainText("Saved");

  await page.goto("/es/servicios/terapia-ocupacional");
  await expect(page.getByRole("heading", { level: 2, name: "Qué esperar" })).toBeVisible();
  await expect(page.locator(".prose")).not.toHaveAttribute("lang", "en");
  await expect(page.locator(".translation-note")).toHaveCount(0);
});

test("@desktop staff write an article in Spanish in its own tab, and patients read it at its Spanish address", async ({ page }) => {
  // The seeded article: no other test reads its Spanish page's words.
  // Before it is translated, its Spanish page says so, in Spanish, and marks the text English.
  await page.goto(SEEDED_ARTICLE_ES);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText("Esta página aún no está traducida al español")).toBeVisible();
  await expect(page.locator(".prose")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");

  await asAdmin(page);
  await page.goto("/admin/articles");
  await page.getByRole("link", { name: SEEDED_TITLE }).click();
  await hydrated(page);
  await page.getByRole("tab", { name: "Spanish" }).click();
  const panel = page.getByRole("tabpanel", { name: "Spanish" });
  await panel.getByLabel(/^Address in Spanish/).fill("cinco-formas-acupuntura-dolor-lumbar");
  await panel.getByLabel("Title in Spanish").fill("Cinco formas en que la acupuntura alivia el dolor lumbar");
  await panel.getByLabel(/^Summary in Spanish/).fill("Lo que la acupuntura puede hacer por su espalda.");
  await panel.getByLabel(/^Text in Spanish/).fill("## Cómo funciona\n\nLa acupuntura estimula puntos del cuerpo.");
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(panel.locator(".preview h2", { hasText: "Cómo funciona" })).toBeVisible();
  await expectNoAxeViolations(page, "the article's Spanish tab");
  await panel.getByRole("button", { name: "Save Spanish" }).click();
  await expect(panel.getByRole("status")).toContainText("Saved");

  await expect(panel.getByRole("link", { name: "/es/articulos/cinco-formas-acupuntura-dolor-lumbar" })).toBeVisible();

  // Its English address under /es leads to its Spanish one.
  await page.goto(SEEDED_ARTICLE_ES);
  await expect(page).toHaveURL(/\/es\/articulos\/cinco-formas-acupuntura-dolor-lumbar$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cinco formas en que la acupuntura alivia el dolor lumbar");
  await expect(page.locator(".translation-note")).toHaveCount(0);
  await page.goto(SEEDED_ARTICLE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_TITLE);
});
