import { existsSync, readFileSync } from "node:fs";
import { PATIENT_VALUES } from "./tests/patients";

// Patient data never reaches the server's log: after the run, the log the
// server wrote while the specs typed patients' details (at debug level for
// our own code) must contain none of them.
export default function globalTeardown() {
  scanServerLogs([process.env.E2E_SERVER_LOG!]);
}

/** Checks the logs of every server under test; prints what it found. */
export function scanServerLogs(paths: string[]) {
  for (const path of paths) if (!existsSync(path)) throw new Error(`no server log at ${path}`);
  const log = paths.map((path) => readFileSync(path, "utf8")).join("\n");
  const where = paths.join(", ");
  const stored = log.split("\n").filter((line) => line.includes("consultation request stored")).length;
  if (stored === 0) throw new Error(`the server's log (${where}) shows no stored request: was it written at all?`);
  const found = PATIENT_VALUES.filter((value) => log.includes(value));
  if (found.length > 0) {
    throw new Error(`the server's log (${where}) contains patient data: ${found.join(" | ")}`);
  }
  // A request that waited long for a database connection (sqlx warns past
  // its slow threshold): printed, so a slow run says where its time went.
  const slow = log.split("\n").filter((line) => line.includes("slow threshold"));
  for (const line of slow) console.log(`slow database connection: ${line}`);
  console.log(
    `server log: ${log.split("\n").length} lines (${stored} stored requests) hold none of ${PATIENT_VALUES.length} patient values; ${slow.length} slow connection acquires`,
  );
}
