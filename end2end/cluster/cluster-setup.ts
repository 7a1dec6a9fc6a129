import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import globalSetup from "../global-setup";
import { scanServerLogs } from "../global-teardown";

/** The cluster's processes, for cluster-teardown.ts. */
export const running: ChildProcess[] = [];

const dir = () => process.env.E2E_DATA_DIR!;

/** Debian's PostgreSQL client tools, beside the server the test command started. */
function psql(): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin/psql`;
}

/** A new database on the test command's PostgreSQL server; its URL. */
function freshDatabase(): string {
  const server = process.env.TEST_POSTGRES_URL;
  if (!server) throw new Error("TEST_POSTGRES_URL is not set: run through the test command, which starts PostgreSQL");
  const name = `cluster_${process.pid}`;
  execFileSync(psql(), ["-q", server, "-c", `DROP DATABASE IF EXISTS ${name}`, "-c", `CREATE DATABASE ${name}`], {
    env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" },
  });
  return `${server.slice(0, server.lastIndexOf("/"))}/${name}`;
}

/** Where server `port` serves its metrics (tests wait for its workers' passes). */
const metricsAddr = (port: number) => `127.0.0.1:${port + 10}`;

/** One app server, as a deployment runs each instance: the same database, data key and images. */
function startServer(n: number, port: number, databaseUrl: string) {
  const log = openSync(path.join(dir(), `server-${n}.log`), "a");
  const child = spawn(process.env.E2E_SERVER_BIN!, [], {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_KEY_FILE: path.join(dir(), "data.key"),
      MEDIA_DIR: path.join(dir(), "media"),
      BUILDS_DIR: path.join(dir(), "builds"),
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: process.env.E2E_SITE_ROOT,
      LEPTOS_ENV: "PROD",
      TRUST_FORWARDED_FOR: "true",
      // Both servers look for due articles every second, so they race.
      SCHEDULER_POLL_SECONDS: "1",
      NOTIFY_POLL_SECONDS: "1",
      METRICS_ADDR: metricsAddr(port),
      RUST_LOG: "info,app=debug,server=debug,sqlx=warn",
      CONSULTATION_RATE_LIMIT: "1000/60",
      CONSULTATION_MIN_FILL_SECONDS: "0",
    },
  });
  running.push(child);
}

/** nginx in front, round-robin, naming in a header which server answered. */
function startNginx(port: number, upstreams: number[]) {
  const tmp = path.join(dir(), "nginx-tmp");
  mkdirSync(tmp, { recursive: true, mode: 0o777 });
  const conf = path.join(dir(), "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${dir()}/nginx.pid;
error_log ${dir()}/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp}; fastcgi_temp_path ${tmp};
  uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  upstream clinic { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(" ")} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://clinic;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const log = openSync(path.join(dir(), "nginx.log"), "a");
  running.push(spawn("nginx", ["-c", conf], { stdio: ["ignore", log, log] }));
}

async function answers(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stopAll() {
  for (const child of running) if (child.exitCode === null) child.kill("SIGTERM");
}

/** Resolves once every started process has exited (its log written out). */
function allExited(): Promise<unknown> {
  return Promise.all(
    running.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => child.once("exit", resolve)),
    ),
  );
}

export default async function clusterSetup() {
  mkdirSync(dir(), { recursive: true });
  // Also when the run stops early: nothing is left listening.
  process.on("exit", stopAll);
  const port = Number(process.env.E2E_CLUSTER_PORT);
  const servers = [port + 1, port + 2];
  const databaseUrl = freshDatabase();
  process.env.E2E_DATABASE_URL = databaseUrl;
  // Inherited by the test workers.
  process.env.E2E_CLUSTER_METRICS = servers.map((p) => `http://${metricsAddr(p)}/metrics`).join(",");
  // Started together, as a deployment starts its instances.
  servers.forEach((p, i) => startServer(i + 1, p, databaseUrl));
  for (const p of servers) await answers(`http://127.0.0.1:${p}/readyz`, 60_000);
  startNginx(port, servers);
  await answers(`${process.env.E2E_BASE_URL}/readyz`, 10_000);
  // The first administrator, through the CLI and then through nginx.
  await globalSetup();
  // Teardown: stop what was started, then the patient-data scan of both logs.
  return async () => {
    stopAll();
    await allExited();
    scanServerLogs([1, 2].map((n) => path.join(dir(), `server-${n}.log`)));
  };
}
