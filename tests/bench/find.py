#!/usr/bin/env python3
"""Peak memory of `idenfy-cli find` over many pages, each holding a 15 MiB string.

Usage:  python3 tests/bench/find.py [--no-build] [--pages N]

Builds the release binary (unless --no-build) and starts a local API on 127.0.0.1 whose
`GET /kyc/identifications/` answers --pages (20) pages, one result each, every result
carrying a 15 MiB string beside its scanRef and status, each page linking to the next.
Then runs, one at a time, `find --client-id bench --limit N` as a table and with --json
(stdout to /dev/null), and as a reference `curl` reading the same pages one by one.
Peak RSS from GNU time (`/usr/bin/time -f %M`). The server counts the requests: each page
must be read exactly once.

Goal: peak RSS under 128 MiB whatever the number of pages, since one page is held at a
time (a page is at most 16 MiB). Exits 1 when a run misses it. Not part of `cargo test`.
"""

import argparse
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
GNU_TIME = "/usr/bin/time"
MIB = 1024 * 1024
GOAL_MIB = 128


def page(n, pages, url):
    nxt = "%s/kyc/identifications/?clientId=bench&page=%d" % (url, n + 1) if n + 1 < pages else None
    result = {"scanRef": "bench-%04d" % n, "status": "APPROVED", "suspected": False,
              "note": "a" * (15 * MIB)}
    return json.dumps({"count": pages, "next": nxt, "results": [result]}).encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("GNU time is needed (apt-get install -y time)")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)

    counts = {}
    lock = threading.Lock()
    state = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            n = 0
            if "page=" in self.path:
                n = int(self.path.rsplit("page=", 1)[1])
            with lock:
                counts[n] = counts.get(n, 0) + 1
            body = page(n, args.pages, state["url"])
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state["url"] = "http://127.0.0.1:%d" % server.server_address[1]

    work = tempfile.mkdtemp(prefix="idenfy-bench-find-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("IDENFY_")
           and k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
    env.update({"IDENFY_API_KEY": "bench-key", "IDENFY_API_SECRET": "bench-secret",
                "IDENFY_BASE_URL": state["url"], "HOME": work,
                "XDG_CONFIG_HOME": os.path.join(work, "xdg"), "NO_COLOR": "1"})

    def peak(cmd):
        rss_file = os.path.join(work, "rss")
        with lock:
            counts.clear()
        code = subprocess.run([GNU_TIME, "-f", "%M", "-o", rss_file] + cmd, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
        with lock:
            calls = dict(counts)
        return code, rss / 1024, calls

    ok = True
    print("| command | pages read | exit | peak RSS |")
    print("|---|---|---|---|")
    for limit in (1, 5, args.pages):
        for extra in ([], ["--json"]):
            cmd = [BINARY, "find", "--client-id", "bench", "--limit", str(limit)] + extra
            code, mib, calls = peak(cmd)
            once = sorted(calls) == list(range(limit)) and all(c == 1 for c in calls.values())
            good = code == 0 and once and mib < GOAL_MIB
            ok &= good
            print("| `find --limit %d%s` | %d%s | %d | %.1f MiB%s |"
                  % (limit, " --json" if extra else "", len(calls), "" if once else " (not once each)",
                     code, mib, "" if good else " (over the goal)"))
    curl = shutil.which("curl")
    if curl:
        # The reference: the same pages, one curl run each; the largest peak.
        worst = 0
        for n in range(args.pages):
            url = "%s/kyc/identifications/?clientId=bench&page=%d" % (state["url"], n)
            _, mib, _ = peak([curl, "-s", "-o", "/dev/null", "--noproxy", "*", url])
            worst = max(worst, mib)
        print("| `curl` each page (reference) | %d | 0 | %.1f MiB |" % (args.pages, worst))
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
