"""The soak test's writers and its report (driven by bench/soak).

  soak.py staff HOST PORT EMAIL SAVERS > staff.json
      signs the administrator in (password in $SOAK_PASSWORD), enrols its
      second factor as the enrolment page does (TOTP: RFC 6238, SHA-1, six
      digits, 30 s) and creates one draft article per saver, each as an
      editor's tab would hold it.
  soak.py writers HOST PORT SECONDS STAFF_JSON TOKENS SUBMIT_RATE SUBMITTERS SAVE_RATE
      for SECONDS: SUBMITTERS threads sending the no-JavaScript consultation
      form (one real signed token each) at SUBMIT_RATE a second in all, and
      one thread per draft saving it through `admin/save_article` at
      SAVE_RATE a second in all, each with the version its last save
      answered; prints per kind: requests, status classes, p50 and p99.
  soak.py report FACTS_JSON
      prints the summary table, writes the results file, exits 1 if any 5xx,
      a lost submission or memory that is not flat.

The writers are paced, not flat out: each thread sends, waits for the
answer, then sleeps until its next turn (a late answer delays the next send
rather than bunching sends up). Latency is from sending to the answer's last
byte. The names and phone numbers are made up (555-01xx is fictional).
"""
import base64
import hashlib
import hmac
import http.client
import json
import math
import os
import struct
import sys
import threading
import time
import urllib.parse

FORM = {
    "name": "Soak Patient",
    "phone": "(732) 555-0142",
    "contact_method": "phone",
    "service": "acupuncture",
    "patient": "new",
    "days": "mon",
    "time_of_day": "morning",
    "message": "Lower back pain",
    "consent": "yes",
    "website": "",
}
PARAGRAPH = (
    "Gentle, regular movement helps most people with lower back pain more than rest does. "
    "Start with short walks, add the stretches your therapist shows you, and stop if pain "
    "spreads down a leg or comes with numbness."
)


def totp(secret_base32: str, unix: float) -> str:
    """The code an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 s)."""
    secret = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(unix) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Browser:
    """One keep-alive connection with a cookie, as a staff member's tab."""

    def __init__(self, host, port, cookie=""):
        self.host, self.port, self.cookie = host, port, cookie
        self.conn = http.client.HTTPConnection(host, port, timeout=30)

    def send(self, path, body: bytes, content_type):
        headers = {"Content-Type": content_type}
        if self.cookie:
            headers["Cookie"] = self.cookie
        try:
            self.conn.request("POST", path, body, headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            raise
        set_cookie = response.getheader("Set-Cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";")[0]
        return response.status, data

    def call(self, endpoint, form):
        """A server function as the admin's pages call it (form-encoded)."""
        body = urllib.parse.urlencode(form).encode()
        return self.send(f"/api/{endpoint}", body, "application/x-www-form-urlencoded")

    def save(self, article_id, version, n, slug):
        body = json.dumps({"id": article_id, "version": version, "draft": draft(n, slug)})
        return self.send("/api/admin/save_article", body.encode(), "application/json")


def draft(n, slug):
    """An ordinary article of about 1.5 KB, different at each save."""
    body = "\n\n".join(
        [f"Saved {n} times by the soak test.", PARAGRAPH, PARAGRAPH, "## What to try at home",
         "- Walk for ten minutes\n- Knee to chest stretch\n- Pelvic tilts", PARAGRAPH, PARAGRAPH]
    )
    return {"title": f"Soak draft {slug[-1]}", "slug": slug, "category": "Physical Therapy",
            "summary": "A draft the soak test saves over and over.", "body_md": body}


def must(what, status, data):
    if status != 200:
        sys.exit(f"{what}: HTTP {status} {data[:200]!r}")
    return json.loads(data)


def staff(host, port, email, savers):
    browser = Browser(host, port)
    must("sign in", *browser.call("admin/sign_in", {"email": email, "password": os.environ["SOAK_PASSWORD"]}))
    enrolment = must("two-factor start", *browser.call("admin/two_factor_start", {}))
    code = totp(enrolment["secret"], time.time())
    must("two-factor confirm", *browser.call("admin/two_factor_confirm", {"code": code}))
    drafts = []
    for n in range(1, savers + 1):
        slug = f"soak-draft-{n}"
        article_id, version = must(f"create {slug}", *browser.save(None, 0, 0, slug))
        drafts.append({"id": article_id, "version": version, "slug": slug})
    print(json.dumps({"cookie": browser.cookie, "drafts": drafts}))


class Kind:
    """What one kind of request saw, shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies_ms = []
        self.statuses = {}
        self.errors = 0

    def record(self, status, ms):
        with self.lock:
            self.latencies_ms.append(ms)
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def error(self):
        with self.lock:
            self.errors += 1

    def summary(self):
        ms = sorted(self.latencies_ms)

        def pct(p):
            return round(ms[max(0, math.ceil(p / 100 * len(ms)) - 1)], 3) if ms else 0

        by_class = lambda lo, hi: sum(c for s, c in self.statuses.items() if lo <= s < hi)
        return {"requests": len(ms), "ok_2xx_3xx": by_class(200, 400), "other_4xx": by_class(400, 500),
                "server_5xx": by_class(500, 600), "socket_errors": self.errors,
                "statuses": {str(s): c for s, c in sorted(self.statuses.items())},
                "p50_ms": pct(50), "p99_ms": pct(99), "max_ms": round(ms[-1], 3) if ms else 0}


def paced(deadline, interval, send):
    """Calls `send(n)` every `interval` seconds until `deadline`."""
    turn, n = time.monotonic(), 0
    while turn < deadline:
        n += 1
        send(n)
        turn = max(turn + interval, time.monotonic())
        time.sleep(max(0.0, turn - time.monotonic()))


def timed(kind, request):
    started = time.perf_counter()
    try:
        status, _ = request()
    except (OSError, http.client.HTTPException):
        kind.error()
        return None
    kind.record(status, (time.perf_counter() - started) * 1000)
    return status


def writers(host, port, seconds, staff_json, tokens_file, submit_rate, submitters, save_rate):
    with open(staff_json) as f:
        state = json.load(f)
    with open(tokens_file) as f:
        tokens = [line.strip() for line in f if line.strip()]
    submissions, saves = Kind(), Kind()
    deadline = time.monotonic() + seconds
    token_lock = threading.Lock()

    def submitter():
        browser = Browser(host, port)

        def send(_n):
            with token_lock:
                if not tokens:
                    return
                token = tokens.pop()
            body = urllib.parse.urlencode({**FORM, "token": token}).encode()
            timed(submissions, lambda: browser.send("/consultation", body, "application/x-www-form-urlencoded"))

        paced(deadline, submitters / submit_rate, send)

    def saver(article):
        browser = Browser(host, port, state["cookie"])
        version = article["version"]

        def send(n):
            nonlocal version
            answer = {}

            def request():
                status, data = browser.save(article["id"], version, n, article["slug"])
                answer["data"] = data
                return status, data

            if timed(saves, request) == 200:
                version = json.loads(answer["data"])[1]

        paced(deadline, len(state["drafts"]) / save_rate, send)

    threads = [threading.Thread(target=submitter) for _ in range(submitters if submit_rate > 0 else 0)]
    if save_rate > 0:
        threads += [threading.Thread(target=saver, args=(a,)) for a in state["drafts"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"submissions": submissions.summary(), "saves": saves.summary(),
                      "tokens_left": len(tokens)}))


def report(facts_json):
    with open(facts_json) as f:
        facts = json.load(f)
    kinds = facts["kinds"]
    mem = facts["memory"]
    start, end = mem["start_mb"], mem["end_mb"]
    change = (end - start) / start * 100 if start else 0.0
    mem["change_percent"] = round(change, 1)
    mem["flat"] = abs(change) <= 10
    subs = kinds["submissions"]
    lost = max(0, subs["ok_2xx_3xx"] - facts["stored"])
    total_5xx = sum(k["server_5xx"] for k in kinds.values())
    facts["server_5xx"], facts["lost_submissions"] = total_5xx, lost
    facts["passed"] = total_5xx == 0 and mem["flat"] and lost == 0 and facts["server_alive"]
    with open(facts["out"], "w") as f:
        json.dump({k: v for k, v in facts.items() if k != "out"}, f, indent=1)
        f.write("\n")

    print(f"{'kind':<44}{'requests':>10}{'req/s':>9}{'5xx':>6}{'other':>7}{'p50 ms':>9}{'p99 ms':>9}")
    for name, k in kinds.items():
        other = k["other_4xx"] + k["socket_errors"]
        print(f"{k['label']:<44}{k['requests']:>10}{k['requests'] / facts['seconds']:>9.1f}"
              f"{k['server_5xx']:>6}{other:>7}{k['p50_ms']:>9.2f}{k['p99_ms']:>9.2f}")
    print("(other: 4xx answers and socket errors or timeouts, counted apart from 5xx)")
    print(f"{'5xx in all':<44}{total_5xx} (must be 0): {'ok' if total_5xx == 0 else 'FAILED'}")
    print(f"{'submissions acknowledged / stored':<44}{subs['ok_2xx_3xx']} / {facts['stored']}, lost {lost}")
    print(f"{'server memory (VmRSS) after warm-up / end':<44}{start:.1f} MB / {end:.1f} MB = "
          f"{change:+.1f}%: {'flat' if mem['flat'] else 'NOT flat'} (bound 10%); peak {mem['peak_mb']:.1f} MB")
    if not facts["server_alive"]:
        print("the server was no longer running at the end: FAILED")
    print(f"{'server log lines at warn or error':<44}{facts['log_warnings']}")
    print(f"written to {facts['out']}")
    sys.exit(0 if facts["passed"] else 1)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "staff":
        staff(args[0], int(args[1]), args[2], int(args[3]))
    elif command == "writers":
        writers(args[0], int(args[1]), float(args[2]), args[3], args[4],
                float(args[5]), int(args[6]), float(args[7]))
    elif command == "report":
        report(args[0])
    else:
        sys.exit(__doc__)
