import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { ADMIN_EMAIL, ADMIN_PASSWORD, totp } from "./tests/fixtures";

/** Calls a server function as the admin's pages do; returns the answer. */
async function call(endpoint: string, form: Record<string, string>, cookie = "") {
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/${endpoint}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams(form).toString(),
  });
  if (!response.ok) throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
  return response;
}

// The first administrator, created the way the README says (the server's
// CLI), then signed in and enrolled in two-factor sign-in as the admin's
// pages would, so that specs can share the session (see `asAdmin`).
export default async function globalSetup() {
  execFileSync(process.env.E2E_SERVER_BIN!, ["create-admin", "--email", ADMIN_EMAIL, "--name", "Ada Admin"], {
    input: `${ADMIN_PASSWORD}\n`,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, RUST_LOG: "warn" },
    stdio: ["pipe", "inherit", "inherit"],
  });
  const signedIn = await call("admin/sign_in", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  const [name, value] = (signedIn.headers.get("set-cookie") ?? "").split(";")[0].split("=");
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
