#!/usr/bin/env python3
"""Peak memory of `idenfy-cli` on hostile but valid response bodies just under 16 MiB.

Usage:  python3 tests/bench/memory.py [--no-build] [--only BODY] [--runs N]
                                      [--cap-mib MIB] [--timeout-s S] [--getrusage]

Builds the release binary (`cargo build --release --locked`; --no-build uses the
target/release/idenfy-cli already there), starts a local API on 127.0.0.1 (a free port)
and, one body at a time, answers /api/v2/status, /api/v2/data and /api/v2/files with that
body. The bodies, each a JSON object of 16 MiB less a few bytes (larger bodies are
refused by the tool, whatever their shape):

  baseline       src/samples/status-denied.json, a small realistic response
  numbers        {"scanRef":"bench","x":[1,1,1,...]}           about 8.4M small values
  empty-objects  {"scanRef":"bench","x":[{},{},...]}           about 5.6M empty objects
  keys           {"k0":0,"k1":0,...}                            about 1.4M keys
  long-string    {"scanRef":"bench","x":"aaaa..."}              one 16 MiB string
  deep           {"scanRef":"bench","x":[[[...]]],[[[...]]],...]} nesting 100 levels, repeated

For each body it runs, one at a time, `status bench`, `data bench`, `files bench` and
`case bench`, each without and with --json (stdout to /dev/null), then
`webhook verify BODYFILE --signature 000…0` (64 zeros, a well-formed but wrong
signature: exit 1) on the same bytes,
then, as a reference, `curl -s -o /dev/null -X POST` of the same body from the same
server. Peak RSS comes from GNU time (`/usr/bin/time -f %M`); without it, from
getrusage(RUSAGE_CHILDREN) in a fresh Python wrapper per run (whose own few MiB then set
a floor under every figure). The server counts requests: every command must call each
endpoint it needs exactly once, and webhook verify none.

Refusing a body is an acceptable answer (say, exit 7 because it holds more values than
any real response): the run is shown as "refused" and its memory still counts.

Goals: peak RSS <= 64 MiB for status, data and files (table and --json) and for webhook
verify, <= 160 MiB for case (three bodies held at once): memory stays within a few
times the body, whatever its shape. Prints a Markdown table; exits 1 when a run misses
its goal or an endpoint was not called exactly once per command. Each run is limited to
--cap-mib of address space and --timeout-s seconds, so a runaway cannot take the machine
down; a run stopped that way misses its goal. Not part of `cargo test`.
"""

import argparse
import http.server
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
FIXTURE = os.path.join(ROOT, "src", "samples", "status-denied.json")
GNU_TIME = "/usr/bin/time"

MIB = 1024 * 1024
BODY_BYTES = 16 * MIB - 16  # the tool refuses anything over 16 MiB
SCAN_REF = "bench"
ENDPOINTS = ("/api/v2/status", "/api/v2/data", "/api/v2/files")
PREFIX = b'{"scanRef":"bench","x":'
# Well-formed (64 hex digits, as an HMAC-SHA256 is) but wrong: a shorter one is refused
# before the file is read, which would measure nothing.
WRONG_SIGNATURE = "00" * 32
DEPTH = 100  # the deepest nesting in the "deep" body, the outer object included

GOAL_SINGLE_MIB = 64
GOAL_CASE_MIB = 160
GOAL_WEBHOOK_MIB = 64


def fill(head, unit, sep, tail, size=BODY_BYTES):
    """head + unit (sep unit)* + tail, as many units as fit, padded with spaces to `size`."""
    room = size - len(head) - len(tail)
    count = (room + len(sep)) // (len(unit) + len(sep))
    body = head + sep.join([unit] * count) + tail
    pad = size - len(body)
    # Whitespace before the final `}` keeps the JSON valid and the size exact.
    return body[:-1] + b" " * pad + body[-1:], count


def keys_body(size=BODY_BYTES):
    parts, used, i = [], 2, 0
    while True:
        part = b'"k%d":0' % i
        if used + len(part) + (1 if i else 0) > size:
            break
        parts.append(part)
        used += len(part) + (1 if i else 0)
        i += 1
    body = b"{" + b",".join(parts) + b"}"
    return body[:-1] + b" " * (size - len(body)) + b"}", i


def make_body(name):
    """(bytes, what it holds) for the body called `name`."""
    if name == "baseline":
        with open(FIXTURE, "rb") as f:
            body = f.read()
        return body, "src/samples/status-denied.json"
    if name == "numbers":
        body, n = fill(PREFIX + b"[", b"1", b",", b"]}")
        return body, f"{n:,} numbers in one list"
    if name == "empty-objects":
        body, n = fill(PREFIX + b"[", b"{}", b",", b"]}")
        return body, f"{n:,} empty objects in one list"
    if name == "keys":
        body, n = keys_body()
        return body, f"{n:,} keys in the top-level object"
    if name == "long-string":
        body, n = fill(PREFIX + b'"', b"a", b"", b'"}')
        return body, f"one string of {n:,} characters"
    if name == "deep":
        inner = DEPTH - 2  # the outer object and the list `x` are two levels
        body, n = fill(PREFIX + b"[", b"[" * inner + b"]" * inner, b",", b"]}")
        return body, f"{n:,} lists nested {DEPTH} levels deep"
    raise ValueError(name)


BODY_NAMES = ("baseline", "numbers", "empty-objects", "keys", "long-string", "deep")


class Api:
    """A loopback API answering every endpoint with the current body, counting requests."""

    def __init__(self):
        self.body = b"{}"
        self.counts = {}
        self.lock = threading.Lock()
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0") or 0)
                self.rfile.read(length)
                with api.lock:
                    api.counts[self.path] = api.counts.get(self.path, 0) + 1
                    body = api.body
                if self.path not in ENDPOINTS:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on the body; its answer is what is measured

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client hanging up mid-body is not the server's failure

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, body):
        with self.lock:
            self.body = body

    def take_counts(self):
        with self.lock:
            counts, self.counts = self.counts, {}
        return counts

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


# Run in a fresh interpreter per measurement when GNU time is missing: RUSAGE_CHILDREN
# then covers exactly one process, the command.
WRAPPER = r"""
import resource, subprocess, sys
p = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)
"""


def measure(cmd, env, work, use_gnu_time, cap_mib, timeout_s):
    """Runs cmd once: (exit code or None on timeout, signal or None, peak RSS KiB, wall s, stderr)."""
    rss_file = os.path.join(work, "rss.txt")
    if use_gnu_time:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
        stdout = subprocess.DEVNULL
    else:
        full = [sys.executable, "-I", "-S", "-c", WRAPPER] + cmd
        stdout = subprocess.PIPE
    # The address-space cap is inherited by everything below the shell.
    full = ["sh", "-c", 'ulimit -v "$1" && shift && exec "$@"', "sh", str(cap_mib * 1024)] + full
    start = time.perf_counter()
    proc = subprocess.Popen(
        full, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
        env=env, start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, None, None, time.perf_counter() - start, err.decode(errors="replace")
    wall = time.perf_counter() - start
    err = err.decode(errors="replace")
    sig = None
    if use_gnu_time:
        with open(rss_file) as f:
            lines = f.read().splitlines()
        os.remove(rss_file)
        rss = int(lines[-1])
        code = proc.returncode
        for line in lines:
            if line.startswith("Command terminated by signal"):
                sig = int(line.rsplit(" ", 1)[1])
    else:
        rss_text, code_text = out.decode().split()
        rss, code = int(rss_text), int(code_text)
        if code < 0:
            sig = -code
    return code, sig, rss, wall, err


def first_line(text, width=110):
    for line in text.splitlines():
        line = line.strip()
        if line:
            line = line.replace("|", "\\|")
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def result_label(kind, code, sig):
    if code is None:
        return "timeout"
    if sig is not None:
        try:
            return f"killed by {signal.Signals(sig).name}"
        except ValueError:
            return f"killed by signal {sig}"
    if kind == "webhook":
        return "ok (mismatch, exit 1)" if code == 1 else f"other exit {code}"
    if code == 0:
        return "ok"
    if kind in ("api", "case") and code == 7:
        return "refused (exit 7)"
    return f"other exit {code}"


def main():
    parser = argparse.ArgumentParser(description="Peak RSS of idenfy-cli on 16 MiB bodies.")
    parser.add_argument("--no-build", action="store_true", help="use the binary already in target/release")
    parser.add_argument("--only", choices=BODY_NAMES, metavar="BODY",
                        help="run one body: " + ", ".join(BODY_NAMES))
    parser.add_argument("--runs", type=int, default=1, help="runs per command; the table shows the highest RSS")
    parser.add_argument("--cap-mib", type=int, default=4096, help="address-space limit per run (default 4096)")
    parser.add_argument("--timeout-s", type=float, default=60, help="time limit per run (default 60)")
    parser.add_argument("--getrusage", action="store_true",
                        help="measure with getrusage in a Python wrapper even when GNU time is present")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    use_gnu_time = os.access(GNU_TIME, os.X_OK) and not args.getrusage
    if not use_gnu_time and not args.getrusage:
        print(f"{GNU_TIME} is missing (Debian/Ubuntu: apt-get install -y time); measuring with "
              "getrusage(RUSAGE_CHILDREN) in a Python wrapper instead, whose own RSS is a floor "
              "under every figure", file=sys.stderr)
    curl = shutil.which("curl")
    if not curl:
        print("curl is missing: no reference rows", file=sys.stderr)
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"no binary at {BINARY}; build it or drop --no-build")

    names = [args.only] if args.only else list(BODY_NAMES)
    work = tempfile.mkdtemp(prefix="idenfy-bench-memory-")
    api = None
    try:
        home = os.path.join(work, "home")
        os.makedirs(os.path.join(home, ".config"))
        api = Api()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("IDENFY_") and k.lower() not in
               ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
        env.update({
            "IDENFY_API_KEY": "bench-key-0001",
            "IDENFY_API_SECRET": "bench-secret-0001",
            "IDENFY_BASE_URL": api.url,
            "IDENFY_WEBHOOK_KEY": "bench-webhook-key",
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "NO_COLOR": "1",
        })

        # (label, kind, argv after the body file is known, expected calls, goal MiB)
        def commands(body_file):
            rows = []
            for json_flag in ([], ["--json"]):
                for sub, path in (("status", "/api/v2/status"), ("data", "/api/v2/data"),
                                  ("files", "/api/v2/files")):
                    rows.append((" ".join([sub, SCAN_REF] + json_flag), "api",
                                 [BINARY, sub, SCAN_REF] + json_flag, {path: 1}, GOAL_SINGLE_MIB))
                rows.append((" ".join(["case", SCAN_REF] + json_flag), "case",
                             [BINARY, "case", SCAN_REF] + json_flag,
                             {p: 1 for p in ENDPOINTS}, GOAL_CASE_MIB))
            rows.append(("webhook verify FILE --signature 00…00", "webhook",
                         [BINARY, "webhook", "verify", body_file, "--signature", WRONG_SIGNATURE], {},
                         GOAL_WEBHOOK_MIB))
            if curl:
                rows.append(("curl -X POST (reference)", "curl",
                             [curl, "-s", "-o", "/dev/null", "--noproxy", "*", "-X", "POST",
                              "-H", "Content-Type: application/json",
                              "--data", '{"scanRef":"%s"}' % SCAN_REF, api.url + "/api/v2/status"],
                             {"/api/v2/status": 1}, None))
            return rows

        started = time.perf_counter()
        described, table, failures, call_errors, oddities = [], [], 0, [], []
        for name in names:
            body, what = make_body(name)
            body_file = os.path.join(work, name + ".json")
            with open(body_file, "wb") as f:
                f.write(body)
            described.append((name, len(body), what))
            api.serve(body)
            api.take_counts()
            rows = commands(body_file)
            seen = {label: {"rss": [], "wall": [], "results": [], "stderr": ""} for label, *_ in rows}
            for _ in range(args.runs):
                for label, kind, cmd, expected, goal in rows:
                    code, sig, rss, wall, err = measure(cmd, env, work, use_gnu_time,
                                                        args.cap_mib, args.timeout_s)
                    counts = api.take_counts()
                    if counts != expected:
                        call_errors.append(f"{name} / {label}: expected {expected or 'no calls'}, got {counts or 'no calls'}")
                    entry = seen[label]
                    entry["rss"].append(rss)
                    entry["wall"].append(wall)
                    result = result_label(kind, code, sig)
                    if result not in entry["results"]:
                        entry["results"].append(result)
                    if err.strip() and not entry["stderr"]:
                        entry["stderr"] = first_line(err)
            del body
            os.remove(body_file)
            for label, kind, cmd, expected, goal in rows:
                entry = seen[label]
                stopped = any(r is None for r in entry["rss"])  # a timeout has no figure
                rss_values = [r for r in entry["rss"] if r is not None]
                peak = max(rss_values) / 1024 if rss_values else None
                results = entry["results"]
                # A run killed on the way (by the address-space cap, say) peaked higher still.
                killed = any(r.startswith("killed") for r in results)
                peak_text = ("≥" if killed else "") + f"{peak:.1f}" if peak is not None else "n/a"
                if any(not r.startswith(("ok", "refused")) for r in results):
                    oddities.append(f"{name} / {label}: {', '.join(results)}")
                if goal is None:
                    goal_text, within = "—", "—"
                else:
                    crashed = any(r.startswith(("killed", "timeout")) for r in results)
                    met = peak is not None and not stopped and not crashed and peak <= goal
                    goal_text, within = str(goal), "yes" if met else "no"
                    if not met:
                        failures += 1
                table.append((name, label, " / ".join(results), peak_text, goal_text, within,
                              f"{statistics.median(entry['wall']):.2f}", entry["stderr"]))
        elapsed = time.perf_counter() - started

        method = "GNU time %M" if use_gnu_time else "getrusage in a Python wrapper"
        print(f"| body | bytes | holds |")
        print("|---|---|---|")
        for name, size, what in described:
            print(f"| {name} | {size:,} | {what} |")
        print()
        runs = "1 run" if args.runs == 1 else f"highest of {args.runs} runs"
        print(f"| body | command | result | peak RSS MiB ({runs}, {method}) | goal MiB | within goal | wall s | stderr, first line |")
        print("|---|---|---|---|---|---|---|---|")
        for row in table:
            print("| " + " | ".join(f"`{c}`" if i == 1 else c for i, c in enumerate(row)) + " |")
        print()
        print(f"{len(table)} rows in {elapsed:.0f} s", file=sys.stderr)
        for line in oddities:
            print(f"unexpected result: {line}", file=sys.stderr)
        for line in call_errors:
            print(f"WRONG NUMBER OF CALLS: {line}", file=sys.stderr)
        if failures:
            print(f"GOAL MISSED: {failures} row(s) over their peak-RSS goal", file=sys.stderr)
        ok = not failures and not call_errors
        if ok:
            print("all goals met", file=sys.stderr)
        return 0 if ok else 1
    finally:
        if api is not None:
            api.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
