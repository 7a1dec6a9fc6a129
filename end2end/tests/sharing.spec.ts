import { test, expect, collectConsoleErrors } from "./fixtures";

const ARTICLE = "/articles/5-ways-that-acupuncture-helps-with-low-back-pain";

test("@desktop a shared article link shows a proper preview", async ({ page, request, baseURL }) => {
  // What a link-preview crawler reads: the HTML as served, no JavaScript.
  const served = await request.get(ARTICLE);
  expect(served.status()).toBe(200);
  // Parsed as a crawler would, without running any of it.
  const head = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const tags: Record<string, string> = {};
    doc.head.querySelectorAll("meta[property], meta[name]").forEach((m) => {
      tags[m.getAttribute("property") ?? m.getAttribute("name") ?? ""] = m.getAttribute("content") ?? "";
    });
    return { tags, graph: doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}" };
  }, await served.text());
  const meta = (key: string) => head.tags[key];
  expect(meta("og:type")).toBe("article");
  expect(meta("og:title")).toBe("5 Ways that Acupuncture Helps with Low Back Pain");
  expect(meta("og:url")).toBe(`${baseURL}${ARTICLE}`);
  expect(meta("og:description")?.length).toBeGreaterThan(20);
  expect(meta("og:image")).toMatch(/^http/);
  expect(meta("twitter:card")).toBeTruthy();
  expect(meta("article:published_time")).toMatch(/^2023-12-13/);
  const graph = JSON.parse(head.graph);
  expect(graph["@graph"].map((n: { "@type": string }) => n["@type"])).toContain("BlogPosting");

  // The same tags after the app takes over in a real visit.
  const errors = collectConsoleErrors(page);
  await page.goto(ARTICLE);
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", "5 Ways that Acupuncture Helps with Low Back Pain");
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}${ARTICLE}`);
  // The graph is built on the server only; hydrating keeps it for crawlers
  // that run scripts.
  const live = await page.locator('script[type="application/ld+json"]').textContent();
  expect(JSON.parse(live ?? "{}")).toEqual(graph);
  // Navigating in the app moves the canonical address along.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Our services");
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/services`);
  expect(errors).toEqual([]);
});

test("@desktop the site can be saved to a phone's home screen", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = await manifest.json();
  expect(body.name).toBe("Monmouth Pain & Scoliosis Center");
  expect(body.start_url).toBe("/");
  for (const icon of body.icons) {
    const served = await request.get(icon.src);
    expect(served.status(), icon.src).toBe(200);
    expect(served.headers()["content-type"], icon.src).toBe(icon.type);
  }
  const touch = await request.get("/apple-touch-icon.png");
  expect(touch.status()).toBe(200);
});
