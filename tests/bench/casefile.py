#!/usr/bin/env python3
"""`case --save` on a slow local API and a slow local file host, and the time to write
report.html for a case with 100 data fields.

Usage:  python3 tests/bench/casefile.py [--runs N] [--delay S] [--keep DIR]

Builds the release binary and starts, on 127.0.0.1, an API that answers /api/v2/status,
/api/v2/data and /api/v2/files after --delay seconds each (0.5 by default) and a file host
that answers each of five files (three small real PNGs, a video, a PDF) after --delay
seconds. Standard library only. Not part of `cargo test`.

1. `case REF --save DIR --jobs 5`: the three calls at once, and the five files as soon as
   the files response is in. Goal: under 3 x delay (1.5 s): one delay for the calls, one for
   the files, and the rest for the work. With the default --jobs 4 the fifth file waits for
   a free slot, so that run takes a delay more; it is shown too.
2. The page: `case REF --save DIR -v` against the same servers with no delay and a data
   response of 100 fields; `-v` says how long making report.html took, and writing it
   (temporary file, fsync, rename, fsync of the folder). Goal: both together under 20 ms.

--keep DIR leaves one case file of each kind there, to look at.
"""

import argparse
import http.server
import json
import os
import re
import shutil
import socketserver
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
FIXTURES = os.path.join(ROOT, "src", "samples")
REF = "8f2a41c0-5b1e-11f0-9d3a-0242ac120002"


def png(width, height, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


FILES = {
    "/u/FRONT.png": ("image/png", png(640, 400, (70, 110, 160))),
    "/u/BACK.png": ("image/png", png(640, 400, (110, 150, 90))),
    "/u/FACE.png": ("image/png", png(360, 480, (190, 150, 120))),
    "/u/FACE_VIDEO.mp4": ("video/mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2000),
    "/u/UTILITY_BILL.pdf": ("application/pdf", b"%PDF-1.4\n% bench\n" + b"0" * 2000),
}


def data_with_fields(count):
    with open(os.path.join(FIXTURES, "data.json"), "rb") as f:
        data = json.load(f)
    i = 0
    while len(data) < count:
        i += 1
        data[f"extraField{i}"] = f"value {i} <b>not markup</b>"
    return data


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class State:
    def __init__(self):
        self.delay = 0.0
        self.data = b""
        self.files_body = b""
        self.counts = {}
        self.lock = threading.Lock()

    def count(self, path):
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1


def make_handler(state, api):
    with open(os.path.join(FIXTURES, "status-denied.json"), "rb") as f:
        status = f.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, content_type, body):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            bodies = {"/api/v2/status": status, "/api/v2/data": state.data, "/api/v2/files": state.files_body}
            body = bodies.get(self.path) if api else None
            time.sleep(state.delay)
            if body is None:
                self.send_error(404)
                return
            state.count(self.path)
            self.answer("application/json", body)

        def do_GET(self):
            path = self.path.split("?")[0]
            found = None if api else FILES.get(path)
            time.sleep(state.delay)
            if found is None:
                self.send_error(404)
                return
            state.count(path)
            self.answer(*found)

    return Handler


def start(state, api):
    server = Server(("127.0.0.1", 0), make_handler(state, api))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(cmd, env, cwd):
    start_time = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True)
    elapsed = time.perf_counter() - start_time
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)

    state = State()
    api = start(state, api=True)
    host = start(state, api=False)
    host_url = f"http://127.0.0.1:{host.server_address[1]}"
    links = {key: f"{host_url}/u/{key}.{ext}?Signature=bench&Expires=1795442400" for key, ext in
             [("FRONT", "png"), ("BACK", "png"), ("FACE", "png"), ("FACE_VIDEO", "mp4"), ("UTILITY_BILL", "pdf")]}
    state.files_body = json.dumps({
        "fileUrls": {"FRONT": links["FRONT"], "BACK": links["BACK"], "FACE": links["FACE"]},
        "videoUrls": {"FACE_VIDEO": links["FACE_VIDEO"]},
        "additionalStepPdfUrls": {"UTILITY_BILL": links["UTILITY_BILL"]},
    }).encode()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IDENFY_")}
    env.update({
        "IDENFY_BASE_URL": f"http://127.0.0.1:{api.server_address[1]}",
        "IDENFY_API_KEY": "bench-key",
        "IDENFY_API_SECRET": "bench-secret",
        "NO_COLOR": "1",
        "HOME": "/nonexistent",
    })
    work = tempfile.mkdtemp(prefix="casefile-bench-")
    try:
        # 1. Three slow calls and five slow files.
        state.delay = args.delay
        with open(os.path.join(FIXTURES, "data.json"), "rb") as f:
            state.data = f.read()
        times = {5: [], 4: []}
        for i in range(args.runs):
            for jobs in (5, 4):
                elapsed, _ = run([BINARY, "case", REF, "--save", f"slow-{jobs}-{i}", "--jobs", str(jobs)], env, work)
                times[jobs].append(elapsed)
        calls = {path: n for path, n in state.counts.items() if path.startswith("/api/")}
        assert set(calls.values()) == {2 * args.runs}, f"each endpoint once per run: {calls}"
        assert all(state.counts[path] == 2 * args.runs for path in FILES), f"each file once per run: {state.counts}"

        # 2. The page for a case of 100 data fields, with no delay.
        state.delay = 0.0
        state.data = json.dumps(data_with_fields(100)).encode()
        made_times, written_times, page_times = [], [], []
        for i in range(max(args.runs, 10)):
            _, err = run([BINARY, "-v", "case", REF, "--save", f"fields-{i}"], env, work)
            found = re.search(r"report\.html: (\d+) bytes made in ([0-9.]+) ms and written \(synced\) in ([0-9.]+) ms", err)
            assert found, err
            made_times.append(float(found.group(2)))
            written_times.append(float(found.group(3)))
            page_times.append(float(found.group(2)) + float(found.group(3)))
            page_bytes = int(found.group(1))

        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            for name in ("slow-5-0", "fields-0"):
                target = os.path.join(args.keep, name)
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(os.path.join(work, name), target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        api.shutdown()
        host.shutdown()

    median5, median4 = statistics.median(times[5]), statistics.median(times[4])
    page_median = statistics.median(page_times)
    limit = 3 * args.delay
    print(f"| {args.delay} s per call and per file, median of {args.runs} | wall time |")
    print("|---|---|")
    print(f"| `case --save --jobs 5` (3 calls, 5 files; goal < {limit:.1f} s) | {median5:.3f} s |")
    print(f"| `case --save` (default --jobs 4) | {median4:.3f} s |")
    print(f"| report.html for 100 data fields ({page_bytes // 1024} KiB; goal < 20 ms) | {page_median:.1f} ms |")
    print(f"| of which: made | {statistics.median(made_times):.1f} ms |")
    print(f"| of which: written, synced to disk | {statistics.median(written_times):.1f} ms |")
    ok = median5 < limit and page_median < 20
    print("targets met" if ok else "TARGET MISSED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
