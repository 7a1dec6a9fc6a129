#!/usr/bin/env python3
"""200 bookings a second on SQLite while patients read pages (issue 28).

Starts the release server (./.ci/build-release first) on a fresh SQLite
database with the seeded clinic, adds practitioners so that there are
enough free times (20 more, weekdays 8:00 to 20:00, all offering
chiropractic), and collects free times and form tokens through the
booking pages, as patients' browsers would. Then:

1. readers alone: patients reading four public pages in turn, open-loop at
   BENCH_READ_RATE a second (200 by default; two of the pages carry a
   fresh form token, so they are rendered each time);
2. the same readers while bookings arrive open-loop at BENCH_RATE a second
   (200 by default) for BENCH_SECONDS (10), each a no-JavaScript POST /book
   of a different free time, sent by a pool of 64 connections.

A request's latency runs from the moment it was due to be sent, so a
server that falls behind shows it (no coordinated omission). Prints, per
phase: the rate reached, p50 / p99 / max latency of bookings and reads,
the answers by status, and the server's CPU time (user + system from
/proc) per request, which depends on the machine far less than rates do.
Client and server share the machine's cores: the figures are an upper
bound on what the server needs.

    ./.ci/build-release && bench/bookings.py
"""

import http.client
import os
import queue
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RATE = int(os.environ.get("BENCH_RATE", "200"))
READ_RATE = int(os.environ.get("BENCH_READ_RATE", "200"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "3397"))
READ_PAGES = ["/", "/services/chiropractic", "/articles", "/services/acupuncture"]
EXTRA_PRACTITIONERS = 20
HZ = os.sysconf("SC_CLK_TCK")
CLINIC_ZONE = ZoneInfo("America/New_York")


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


class Server:
    def __init__(self, work):
        self.work = work
        self.proc = None

    def start(self):
        env = dict(
            os.environ,
            LEPTOS_SITE_ADDR=f"127.0.0.1:{PORT}",
            LEPTOS_ENV="PROD",
            LEPTOS_SITE_ROOT=os.path.join(ROOT, "target/site"),
            DATABASE_URL=f"sqlite://{self.work}/clinic.db",
            DATA_KEY_FILE=f"{self.work}/data.key",
            MEDIA_DIR=f"{self.work}/media",
            BUILDS_DIR=f"{self.work}/builds",
            CONSULTATION_RATE_LIMIT="1000000/60",
            RUST_LOG="warn",
        )
        log = open(f"{self.work}/server.log", "ab")
        self.proc = subprocess.Popen(
            [os.path.join(ROOT, "target/release/server")], env=env, stdout=log, stderr=log
        )
        for _ in range(400):
            try:
                c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        sys.exit("the server did not start: see " + self.work + "/server.log")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def get(conn, path):
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def add_practitioners(db_path):
    db = sqlite3.connect(db_path)
    service = db.execute("SELECT id FROM services WHERE slug = 'chiropractic'").fetchone()[0]
    position = db.execute("SELECT COALESCE(MAX(position), 0) FROM practitioners").fetchone()[0]
    for n in range(EXTRA_PRACTITIONERS):
        cur = db.execute(
            "INSERT INTO practitioners (name, languages, position) VALUES (?, 'en', ?)",
            (f"Bench practitioner {n + 1}", position + n + 1),
        )
        pid = cur.lastrowid
        db.execute(
            "INSERT INTO practitioner_services (practitioner_id, service_id) VALUES (?, ?)",
            (pid, service),
        )
        for weekday in range(5):
            db.execute(
                "INSERT INTO working_hours (practitioner_id, weekday, start_minute, end_minute)"
                " VALUES (?, ?, 480, 1200)",
                (pid, weekday),
            )
    db.commit()
    type_id = db.execute(
        "SELECT t.id FROM appointment_types t JOIN services s ON s.id = t.service_id"
        " WHERE s.slug = 'chiropractic' AND t.name = 'Follow-up'"
    ).fetchone()[0]
    practitioners = [
        row[0]
        for row in db.execute(
            "SELECT ps.practitioner_id FROM practitioner_services ps WHERE ps.service_id = ?",
            (service,),
        )
    ]
    db.close()
    return type_id, practitioners


def free_times(type_id, practitioners, wanted):
    """(practitioner, start) pairs far enough apart never to touch each other."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT)
    found = []
    today = datetime.now(CLINIC_ZONE).date()
    for offset in range(2, 60):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for p in practitioners:
            status, html = get(conn, f"/book?type={type_id}&with={p}&day={day}")
            assert status == 200, status
            starts = sorted({int(s) for s in re.findall(r"start=(\d+)", html)})
            last = None
            for s in starts:
                # 30 minutes and 5 after: 45 minutes apart leaves a margin.
                if last is None or s - last >= 45 * 60:
                    found.append((p, s))
                    last = s
            if len(found) >= wanted:
                return found[:wanted]
    sys.exit(f"only {len(found)} free times found; {wanted} wanted")


def tokens_for(type_id, times):
    """Each booking's form, loaded as the patient's details page: its token."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT)
    out = []
    for p, s in times:
        day = datetime.fromtimestamp(s, CLINIC_ZONE).date()
        status, html = get(conn, f"/book?type={type_id}&with={p}&day={day}&start={s}")
        token = re.search(r'name="token" value="([^"]+)"', html)
        assert token, f"no token for {p} {s}: {status}"
        out.append(token.group(1))
    return out


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def readers(stop, latencies, statuses, count=8):
    """Patients reading pages, open-loop at READ_RATE a second in all (each
    read's latency from when it was due), until `stop`."""
    jobs = queue.Queue()

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", PORT)
        while True:
            job = jobs.get()
            if job is None:
                return
            due, page = job
            status, _ = get(conn, page)
            latencies.append(time.perf_counter() - due)
            statuses[status] = statuses.get(status, 0) + 1

    def pace():
        start = time.perf_counter()
        n = 0
        while not stop.is_set():
            due = start + n / READ_RATE
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            jobs.put((due, READ_PAGES[n % len(READ_PAGES)]))
            n += 1
        for _ in range(count):
            jobs.put(None)

    threads = [threading.Thread(target=run, daemon=True) for _ in range(count)]
    threads.append(threading.Thread(target=pace, daemon=True))
    for t in threads:
        t.start()
    return threads


def book_all(type_id, times, tokens, latencies, statuses):
    jobs = queue.Queue()

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", PORT)
        while True:
            job = jobs.get()
            if job is None:
                return
            due, (p, s), token = job
            body = urllib.parse.urlencode(
                {
                    "type_id": type_id,
                    "practitioner": p,
                    "start": s,
                    "token": token,
                    "website": "",
                    "name": "Bench Patient",
                    "phone": "(732) 555-0100",
                    "email": "bench@example.org",
                    "patient": "returning",
                    "message": "",
                    "consent": "yes",
                }
            )
            conn.request(
                "POST", "/book", body, {"Content-Type": "application/x-www-form-urlencoded"}
            )
            response = conn.getresponse()
            response.read()
            latencies.append(time.perf_counter() - due)
            statuses[response.status] = statuses.get(response.status, 0) + 1

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(64)]
    for t in pool:
        t.start()
    start = time.perf_counter()
    for n, (slot, token) in enumerate(zip(times, tokens)):
        due = start + n / RATE
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        jobs.put((due, slot, token))
    for _ in pool:
        jobs.put(None)
    for t in pool:
        t.join()
    return time.perf_counter() - start


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def main():
    binary = os.path.join(ROOT, "target/release/server")
    if not os.path.exists(binary):
        sys.exit("build first: ./.ci/build-release")
    work = tempfile.mkdtemp(prefix="clinic-bookings-")
    server = Server(work)
    server.start()
    server.stop()
    type_id, practitioners = add_practitioners(f"{work}/clinic.db")
    server.start()
    try:
        wanted = int(RATE * SECONDS)
        times = free_times(type_id, practitioners, wanted)
        tokens = tokens_for(type_id, times)
        print(
            f"{len(practitioners)} practitioners, {wanted} free times and form tokens ready;"
            f" {RATE} bookings/s for {SECONDS:g} s, {READ_RATE} reads/s of {len(READ_PAGES)} pages;"
            f" {os.cpu_count()} cores shared by client and server"
        )

        stop = threading.Event()
        read_lat, read_status = [], {}
        before = ticks(server.proc.pid)
        threads = readers(stop, read_lat, read_status)
        time.sleep(5)
        stop.set()
        for t in threads:
            t.join()
        cpu = (ticks(server.proc.pid) - before) / HZ
        print(
            f"readers alone: {len(read_lat) / 5:.0f} reads/s, p50 {ms(percentile(read_lat, 0.5))},"
            f" p99 {ms(percentile(read_lat, 0.99))}, {read_status};"
            f" server CPU {cpu * 1e6 / max(1, len(read_lat)):.0f} µs/read"
        )

        stop = threading.Event()
        read_lat, read_status = [], {}
        book_lat, book_status = [], {}
        before = ticks(server.proc.pid)
        threads = readers(stop, read_lat, read_status)
        elapsed = book_all(type_id, times, tokens, book_lat, book_status)
        stop.set()
        for t in threads:
            t.join()
        cpu = (ticks(server.proc.pid) - before) / HZ
        booked = book_status.get(303, 0)
        print(
            f"bookings: {len(book_lat) / elapsed:.0f}/s reached, {booked} booked (303), answers"
            f" {book_status}; p50 {ms(percentile(book_lat, 0.5))}, p99"
            f" {ms(percentile(book_lat, 0.99))}, max {ms(max(book_lat))}"
        )
        print(
            f"reads meanwhile: {len(read_lat) / elapsed:.0f}/s, p50 {ms(percentile(read_lat, 0.5))},"
            f" p99 {ms(percentile(read_lat, 0.99))}, {read_status}"
        )
        print(
            f"server CPU: {cpu:.2f} s over {elapsed:.1f} s,"
            f" {cpu * 1e6 / max(1, len(book_lat) + len(read_lat)):.0f} µs per request"
            f" (bookings and reads together)"
        )
        target = percentile(book_lat, 0.99) < 0.050 and booked == len(times)
        print(f"target (p99 under 50 ms, every booking stored): {'met' if target else 'NOT met'}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
