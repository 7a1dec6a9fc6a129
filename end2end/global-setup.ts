import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, callApi as call, sessionCookie, totp } from "./tests/fixtures";

// The first administrator, created the way the README says (the server's
// CLI), then signed in and enrolled in two-factor sign-in as the admin's
// pages would; its session creates each test's own administrator (see
// `asAdmin`) and never enters a browser.
export default async function globalSetup() {
  execFileSync(process.env.E2E_SERVER_BIN!, ["create-admin", "--email", ADMIN_EMAIL, "--name", "Ada Admin"], {
    input: `${ADMIN_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, RUST_LOG: "warn" },
    stdio: ["pipe", "inherit", "inherit"],
  });
  const signedIn = await call("admin/sign_in", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const [name, value] = sessionCookie(signedIn);
  const cookie = `${name}=${value}`;
  const enrolment = await (await call("admin/two_factor_start", {}, cookie)).json();
  await call("admin/two_factor_confirm", { code: totp(enrolment.secret) }, cookie);
  const host = new URL(process.env.E2E_BASE_URL!).hostname;
  const state = {
    cookies: [{ name, value, domain: host, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Strict" }],
    origins: [],
  };
  writeFileSync(process.env.E2E_ADMIN_STATE!, JSON.stringify(state));
}
