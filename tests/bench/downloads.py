#!/usr/bin/env python3
"""Download benchmark for `idenfy-cli files --download`, against `curl -o`, on loopback.

Usage:  python3 tests/bench/downloads.py [--runs N] [--size-mib N]

Builds the release binary, starts a local HTTP server on 127.0.0.1 that serves one big
file (512 MiB by default, sent with sendfile) and eight small files that each wait 0.5 s
before answering, then measures in one run:

  1. wall time for the big file: idenfy-cli vs `curl -o` (median of --runs, interleaved),
  2. peak RSS of both (GNU time's "Maximum resident set size"),
  3. wall time for the eight slow small files with the default --jobs.

The big file is measured twice when /dev/shm is writable: written to tmpfs, where a
write costs no disk time and the figures compare the two programs' own work, and written
to disk, where idenfy-cli's fsync (its files must be on disk before they count) is paid
and curl is also shown followed by `sync FILE`, the same guarantee.

The goals: <= 1.05x curl's wall time, peak RSS < 16 MiB whatever the size,
8 files in < 1.3 s. Prints Markdown tables for the README. Not part of `cargo test`.
"""

import argparse
import http.server
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
SMALL_FILES = 8
SMALL_BYTES = 200 * 1024
LATENCY_S = 0.5


def make_handler(big_path):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/big.bin":
                size = os.path.getsize(big_path)
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(size))
                self.end_headers()
                self.wfile.flush()
                with open(big_path, "rb") as f:
                    self.connection.sendfile(f)
            elif path.startswith("/small/"):
                time.sleep(LATENCY_S)
                body = b"\xff\xd8" + bytes(SMALL_BYTES - 2)
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

    return Handler


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def timed(cmd, env=None):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def peak_rss_kib(cmd, env=None):
    out = subprocess.run(
        ["/usr/bin/time", "-v"] + cmd, check=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, env=env,
    ).stderr
    for line in out.splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1])
    raise RuntimeError("GNU time printed no RSS:\n" + out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mib", type=int, default=512)
    args = parser.parse_args()

    for tool in ("curl", "/usr/bin/time", "cargo"):
        if not shutil.which(tool):
            sys.exit(f"needs {tool}")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    work = tempfile.mkdtemp(prefix="idenfy-bench-")
    try:
        big = os.path.join(work, "big.bin")
        with open(big, "wb") as f:
            chunk = os.urandom(1024 * 1024)
            for _ in range(args.size_mib):
                f.write(chunk)
        server = Server(("127.0.0.1", 0), make_handler(big))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"

        def response(name, links):
            path = os.path.join(work, name)
            with open(path, "w") as f:
                json.dump({"fileUrls": links, "videoUrls": {}, "additionalStepPdfUrls": {}}, f)
            return path

        big_json = response("big.json", {"FACE_VIDEO": f"{base}/big.bin?Signature=x&Expires=1"})
        small_json = response(
            "small.json", {f"PHOTO_{i}": f"{base}/small/{i}.jpg?Signature=x" for i in range(SMALL_FILES)}
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("IDENFY_")}
        env.update({"NO_COLOR": "1", "HOME": work})
        for var in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
            env.pop(var, None)

        def big_file(where):
            """Median wall times and peak RSS for the big file, writing under `where`."""
            out_dir = os.path.join(where, "out")
            curl_out = os.path.join(where, "curl.bin")
            ours_cmd = [BINARY, "-q", "files", "--input", big_json, "--download", out_dir]
            curl_cmd = ["curl", "-s", "-f", "-o", curl_out, f"{base}/big.bin"]
            # The same durability as ours: curl's file synced to disk before it counts.
            curl_sync_cmd = ["sh", "-c", f'curl -s -f -o "$1" "$2" && sync "$1"', "sh", curl_out, f"{base}/big.bin"]
            ours, theirs, theirs_synced = [], [], []
            for _ in range(args.runs):
                shutil.rmtree(out_dir, ignore_errors=True)
                ours.append(timed(ours_cmd, env))
                for times, cmd in ((theirs, curl_cmd), (theirs_synced, curl_sync_cmd)):
                    if os.path.exists(curl_out):
                        os.remove(curl_out)
                    times.append(timed(cmd, env))
            shutil.rmtree(out_dir, ignore_errors=True)
            rss_ours = peak_rss_kib(ours_cmd, env)
            rss_curl = peak_rss_kib(curl_cmd, env)
            shutil.rmtree(out_dir, ignore_errors=True)
            if os.path.exists(curl_out):
                os.remove(curl_out)
            return [statistics.median(t) for t in (ours, theirs, theirs_synced)] + [rss_ours, rss_curl]

        places = [("disk", work)]
        if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
            shm = tempfile.mkdtemp(prefix="idenfy-bench-", dir="/dev/shm")
            places.insert(0, ("tmpfs", shm))
        results = {name: big_file(where) for name, where in places}

        out_dir = os.path.join(work, "out")
        small_runs = []
        for _ in range(args.runs):
            shutil.rmtree(out_dir, ignore_errors=True)
            small_runs.append(timed([BINARY, "-q", "files", "--input", small_json, "--download", out_dir], env))
        with open(os.path.join(out_dir, "manifest.json")) as f:
            saved = [e for e in json.load(f)["files"] if e["result"] == "saved"]
        assert len(saved) == SMALL_FILES, "not every small file was saved"
        med_small = statistics.median(small_runs)

        print(f"| {args.size_mib} MiB file, median of {args.runs} | idenfy-cli | curl -o | ratio | curl -o + sync FILE | ratio |")
        print("|---|---|---|---|---|---|")
        for name, (ours, curl, curl_synced, _, _) in results.items():
            print(f"| written to {name} | {ours:.3f} s | {curl:.3f} s | {ours / curl:.2f}x | {curl_synced:.3f} s | {ours / curl_synced:.2f}x |")
        print()
        print("| measurement | idenfy-cli | curl -o | target |")
        print("|---|---|---|---|")
        for name, (_, _, _, rss_ours, rss_curl) in results.items():
            print(f"| peak RSS, {args.size_mib} MiB file to {name} | {rss_ours / 1024:.1f} MiB | {rss_curl / 1024:.1f} MiB | < 16 MiB |")
        print(f"| {SMALL_FILES} files, {LATENCY_S} s latency each, default --jobs 4 (median of {args.runs}) | {med_small:.3f} s | | < 1.3 s |")
        first = next(iter(results.values()))
        ok = first[0] / first[1] <= 1.05 and all(r[3] < 16 * 1024 for r in results.values()) and med_small < 1.3
        print("targets met (wall time judged on " + next(iter(results)) + ")" if ok else "TARGET MISSED", file=sys.stderr)
        if len(places) > 1:
            shutil.rmtree(places[0][1], ignore_errors=True)
        server.shutdown()
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
