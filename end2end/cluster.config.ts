import { defineConfig, devices } from "@playwright/test";
import * as path from "node:path";

// Several app servers: two servers (E2E_SERVER_BIN, as in
// playwright.config.ts) on one PostgreSQL database (the test command's,
// TEST_POSTGRES_URL), behind nginx from Debian's packages, round-robin on
// loopback. cluster-setup.ts starts them.
const port = Number(process.env.E2E_CLUSTER_PORT ?? 3200);
const root = path.resolve(__dirname, "..");
const dataDir = process.env.E2E_DATA_DIR ?? path.join(__dirname, ".data", `cluster-${Date.now()}`);
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_CLUSTER_PORT = String(port);
process.env.E2E_SERVER_BIN ??= `${root}/target/release/server`;
process.env.E2E_SITE_ROOT = `${root}/target/site`;
process.env.E2E_ADMIN_STATE = path.join(dataDir, "admin-session.json");
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./cluster",
  globalSetup: require.resolve("./cluster/cluster-setup"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "off",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"],
    },
  },
});
