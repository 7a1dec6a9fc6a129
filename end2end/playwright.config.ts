import { defineConfig, devices } from "@playwright/test";
import * as path from "node:path";

// The server under test: E2E_SERVER_BIN (the test command passes the binary
// `cargo test` built), else the release build; on its own port, with a fresh
// SQLite file seeded with the clinic's content on start.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const root = path.resolve(__dirname, "..");
// Chosen once, in the main process: workers load this file again, and
// inherit the environment.
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, ".data", `run-${Date.now()}`);
process.env.E2E_DATA_DIR = dataDir;
// Shared with global-setup.ts, which creates the first administrator.
process.env.E2E_DATABASE_URL = `sqlite://${dataDir}/clinic.db`;
process.env.E2E_SERVER_BIN ??= `${root}/target/release/server`;
// Where the server under test logs; global-teardown.ts scans it for patient data.
process.env.E2E_SERVER_LOG = path.join(dataDir, "server.log");
// The administrator's signed-in session (global-setup.ts), and the site's address.
process.env.E2E_ADMIN_STATE = path.join(dataDir, "admin-session.json");
process.env.E2E_BASE_URL = baseURL;

// Debian's chromium; never a downloaded browser.
const launchOptions = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions };
// The narrowest phone we support: 320 px wide, touch, mobile layout.
const phone = {
  viewport: { width: 320, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: devices["Pixel 5"].userAgent,
  launchOptions,
};

export default defineConfig({
  testDir: "./tests",
  globalSetup: require.resolve("./global-setup"),
  globalTeardown: require.resolve("./global-teardown"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "off" },
  projects: [
    // Tags: @phone and @desktop run on that layout only; @no-js only with JavaScript off.
    { name: "desktop", use: desktop, grepInvert: /@phone|@no-js/ },
    { name: "phone", use: phone, grepInvert: /@desktop|@no-js/ },
    { name: "desktop-no-js", use: { ...desktop, javaScriptEnabled: false }, grep: /@no-js/ },
    { name: "phone-no-js", use: { ...phone, javaScriptEnabled: false }, grep: /@no-js/ },
  ],
  webServer: {
    // The log goes to a file (E2E_SERVER_LOG) for the teardown's scan.
    command: `mkdir -p "${dataDir}" && exec "${process.env.E2E_SERVER_BIN}" >>"${process.env.E2E_SERVER_LOG}" 2>&1`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: `${root}/target/site`,
      LEPTOS_ENV: "PROD",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      // Our own code at debug level: the teardown's scan then covers every
      // line it could write.
      RUST_LOG: "info,app=debug,server=debug,sqlx=warn",
      // Every spec submits from 127.0.0.1: lift the per-client limit (the
      // limit itself is covered by the integration tests).
      CONSULTATION_RATE_LIMIT: "1000/60",
      // Playwright fills a form in milliseconds, which the spam heuristic
      // rightly flags; that heuristic is covered by the integration tests.
      CONSULTATION_MIN_FILL_SECONDS: "0",
    },
  },
});
