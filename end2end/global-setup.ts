import { execFileSync } from "node:child_process";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./tests/fixtures";

// The first administrator, created the way the README says: the server's CLI.
export default function globalSetup() {
  execFileSync(process.env.E2E_SERVER_BIN!, ["create-admin", "--email", ADMIN_EMAIL, "--name", "Ada Admin"], {
    input: `${ADMIN_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, RUST_LOG: "warn" },
    stdio: ["pipe", "inherit", "inherit"],
  });
}
