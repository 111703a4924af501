#!/usr/bin/env python3
"""Several cases in one run against the same cases one at a time, on a slow local API.

Usage:  python3 tests/bench/cases.py [--cases N] [--small N] [--delay S] [--binary PATH]

Builds the release binary (or takes --binary) and starts a local API on 127.0.0.1 that answers /api/v2/status,
/api/v2/data and /api/v2/files after --delay seconds (0.2 by default), with bodies shaped
like the samples in src/samples, for --cases distinct scanRefs (200 by default). In one run, on that
server, it times:

  1. `idenfy-cli status --from refs.txt` with --jobs 4 and --jobs 8,
  2. `idenfy-cli case --from refs.txt --jobs 4` (three calls a case, at once),
  3. the same scanRefs one at a time: a shell loop of `idenfy-cli status REF`, and of curl
     (when curl is installed),

and reports each wall time against the ideal (cases / jobs x delay; one at a time: cases x
delay). It counts the calls of every run and fails unless each scanRef was called exactly
once per endpoint it needs. It also reports the peak RSS of --small cases (50 by default)
against --cases, to show that memory does not grow with the number of cases (GNU time's
"Maximum resident set size" when /usr/bin/time is there, else the child's rusage).

Prints Markdown tables for the README. Not part of `cargo test`.
"""

import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
FIXTURES = os.path.join(ROOT, "src", "samples")
BODIES = {
    "/api/v2/status": "status-denied.json",
    "/api/v2/data": "data.json",
    "/api/v2/files": "files.json",
}
GNU_TIME = "/usr/bin/time"


def load_bodies():
    """Each endpoint's fixture as a template; the scanRef is put in per request."""
    bodies = {}
    for path, name in BODIES.items():
        with open(os.path.join(FIXTURES, name), "rb") as f:
            bodies[path] = json.load(f)
    return bodies


def make_handler(delay, bodies, calls, lock):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The head and the body go out in two writes: without this, a kept-alive
        # connection waits for the client's delayed ACK (40 ms) before the body.
        disable_nagle_algorithm = True

        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            scan_ref = json.loads(self.rfile.read(length) or b"{}").get("scanRef")
            template = bodies.get(self.path)
            time.sleep(delay)
            if template is None or not scan_ref:
                self.send_error(404)
                return
            with lock:
                calls[(self.path, scan_ref)] += 1
            body = dict(template)
            if "scanRef" in body:
                body["scanRef"] = scan_ref
            payload = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # The default backlog of 5 drops connections when more than 5 calls start at once.
    request_queue_size = 128


def run(cmd, env):
    """Runs cmd with stdout discarded; returns (wall seconds, peak RSS in KiB)."""
    if os.access(GNU_TIME, os.X_OK):
        start = time.perf_counter()
        done = subprocess.run([GNU_TIME, "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        rss = int(found.group(1)) if found else 0
        status = done.returncode
    else:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        status = os.waitstatus_to_exitcode(status)
        # ru_maxrss is in KiB on Linux and in bytes on macOS.
        rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    if status != 0:
        sys.exit(f"{cmd[:3]} … exited with {status}")
    return wall, rss


def check_calls(calls, refs, endpoints, what):
    """Each scanRef exactly once per endpoint, and nothing else; then clears the count."""
    expected = Counter({(path, ref): 1 for path in endpoints for ref in refs})
    if calls != expected:
        extra = {k: v for k, v in calls.items() if expected.get(k) != v}
        missing = [k for k in expected if k not in calls]
        sys.exit(f"{what}: not each scanRef once per endpoint; "
                 f"wrong counts {list(extra.items())[:5]}, missing {missing[:5]}")
    calls.clear()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--binary", help="a binary to time instead of a fresh release build")
    args = parser.parse_args()
    binary = args.binary or BINARY
    if not args.binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    calls, lock = Counter(), threading.Lock()
    handler = make_handler(args.delay, load_bodies(), calls, lock)
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("IDENFY_")}
    env.update({
        "IDENFY_BASE_URL": base,
        "IDENFY_API_KEY": "bench-key",
        "IDENFY_API_SECRET": "bench-secret",
        "NO_COLOR": "1",
        "HOME": "/nonexistent",
        "XDG_CONFIG_HOME": "/nonexistent",
    })
    work = tempfile.mkdtemp(prefix="idenfy-cases-")
    refs = [f"bench-{i:04d}-5b1e-11f0-9d3a-0242ac120002" for i in range(args.cases)]
    small = refs[: args.small]
    all_list, small_list = os.path.join(work, "refs.txt"), os.path.join(work, "small.txt")
    for path, chosen in [(all_list, refs), (small_list, small)]:
        with open(path, "w") as f:
            f.write("".join(f"{ref}\n" for ref in chosen))
    status, everything = ["/api/v2/status"], list(BODIES)
    loop = 'while read -r ref; do "$0" status "$ref" || exit 1; done < "$1"'
    curl_loop = ('while read -r ref; do curl -sf -o /dev/null -u bench-key:bench-secret '
                 '-H "Content-Type: application/json" --data "{\\"scanRef\\": \\"$ref\\"}" '
                 '"$0/api/v2/status" || exit 1; done < "$1"')

    n, d = args.cases, args.delay
    timed = [
        ("`status --from refs.txt --jobs 4`", [binary, "status", "--from", all_list, "--jobs", "4"],
         status, n / 4 * d),
        ("`status --from refs.txt --jobs 8`", [binary, "status", "--from", all_list, "--jobs", "8"],
         status, n / 8 * d),
        ("`case --from refs.txt --jobs 4` (3 calls a case)",
         [binary, "case", "--from", all_list, "--jobs", "4"], everything, n / 4 * d),
        ("`status REF`, one at a time (shell loop)", ["sh", "-c", loop, binary, all_list],
         status, n * d),
    ]
    if shutil.which("curl"):
        timed.append(("`curl`, one at a time (shell loop)",
                      ["sh", "-c", curl_loop, base, all_list], status, n * d))
    results, peaks = [], {}
    for label, cmd, endpoints, ideal in timed:
        wall, rss = run(cmd, env)
        check_calls(calls, refs, endpoints, label)
        results.append((label, wall, ideal))
        peaks[(cmd[1], tuple(cmd[2:]))] = rss

    memory = []
    for label, command, extra, endpoints in [
        ("`status --from … --jobs 4`", "status", [], status),
        ("`case --from … --jobs 4`", "case", [], everything),
        ("`case --from … --jobs 4 --json`", "case", ["--json"], everything),
    ]:
        sizes = []
        for chosen, path in [(small, small_list), (refs, all_list)]:
            cmd = [binary, command, "--from", path, "--jobs", "4"] + extra
            known = peaks.get((command, tuple(cmd[2:])))
            if known is None:
                _, known = run(cmd, env)
                check_calls(calls, chosen, endpoints, label)
            sizes.append(known)
        memory.append((label, sizes))
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    print(f"| {n} cases, {d} s per call | wall time | ideal | ratio |")
    print("|---|---|---|---|")
    for label, wall, ideal in results:
        print(f"| {label} | {wall:.2f} s | {ideal:.1f} s | {wall / ideal:.2f}x |")
    print()
    print(f"| peak RSS | {args.small} cases | {n} cases |")
    print("|---|---|---|")
    for label, (few, many) in memory:
        print(f"| {label} | {few / 1024:.1f} MiB | {many / 1024:.1f} MiB |")
    sys.stdout.flush()
    print("each scanRef was called exactly once per endpoint in every run", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
