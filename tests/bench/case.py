#!/usr/bin/env python3
"""`case` against `status` on a slow local API: case makes three calls at once, so it should
take about as long as one.

Usage:  python3 tests/bench/case.py [--runs N] [--delay S]

Builds the release binary and starts a local API on 127.0.0.1 that answers
/api/v2/status, /api/v2/data and /api/v2/files after --delay seconds each (0.5 by
default). Reports the median wall time of `idenfy-cli status` and `idenfy-cli case` over
--runs runs, interleaved, and their ratio. The goal: case <= 1.2x status.
Not part of `cargo test`.
"""

import argparse
import http.server
import json
import os
import socketserver
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
FIXTURES = os.path.join(ROOT, "src", "samples")
BODIES = {
    "/api/v2/status": "status-denied.json",
    "/api/v2/data": "data.json",
    "/api/v2/files": "files.json",
}


def make_handler(delay, counts):
    bodies = {}
    for path, name in BODIES.items():
        with open(os.path.join(FIXTURES, name), "rb") as f:
            bodies[path] = f.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            self.rfile.read(length)
            body = bodies.get(self.path)
            time.sleep(delay)
            if body is None:
                self.send_error(404)
                return
            counts[self.path] = counts.get(self.path, 0) + 1
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def timed(cmd, env):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--delay", type=float, default=0.5)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    counts = {}
    server = Server(("127.0.0.1", 0), make_handler(args.delay, counts))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IDENFY_")}
    env.update({
        "IDENFY_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}",
        "IDENFY_API_KEY": "bench-key",
        "IDENFY_API_SECRET": "bench-secret",
        "NO_COLOR": "1",
        "HOME": "/nonexistent",
    })
    ref = "8f2a41c0-5b1e-11f0-9d3a-0242ac120002"
    status_times, case_times = [], []
    for _ in range(args.runs):
        status_times.append(timed([BINARY, "status", ref], env))
        case_times.append(timed([BINARY, "case", ref], env))
    server.shutdown()
    expected = {"/api/v2/status": 2 * args.runs, "/api/v2/data": args.runs, "/api/v2/files": args.runs}
    assert counts == expected, f"each endpoint once per command: {counts}"

    status_median = statistics.median(status_times)
    case_median = statistics.median(case_times)
    ratio = case_median / status_median
    print(f"| {args.delay} s per endpoint, median of {args.runs} | wall time |")
    print("|---|---|")
    print(f"| `idenfy-cli status` (1 call) | {status_median:.3f} s |")
    print(f"| `idenfy-cli case` (3 calls at once) | {case_median:.3f} s |")
    print(f"| ratio (target <= 1.2x) | {ratio:.2f}x |")
    ok = ratio <= 1.2
    print("target met" if ok else "TARGET MISSED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
