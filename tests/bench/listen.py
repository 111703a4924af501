#!/usr/bin/env python3
"""`webhook listen` under load and under stalling clients.

Usage:  python3 tests/bench/listen.py [--deliveries N] [--senders N] [--stalled N]

Builds the release binary and starts `idenfy-cli webhook listen --port 0` with a webhook
key and a temporary DIR, on loopback only. Then:

1. sends --deliveries (1,000) signed deliveries of about 3 KiB (the shape of
   src/samples/webhook.json, each with its own scanRef) from --senders (32) threads,
   each with one keep-alive connection (http.client);
2. sends as many again, to see that peak memory stays flat;
3. opens --stalled (100) connections that stall mid-request (a third send half a request
   head, a third a whole head and half the body, a third a chunked head and one small
   chunk) and holds them open, then sends as many deliveries again; every one must be
   answered 200 and the p99 latency stay under 100 ms; finally checks that the server has closed the stalled connections itself
   (its read deadlines);
4. stops the listener with SIGTERM (exit 0) and checks that no delivery is lost: every
   saved body is byte-identical to one sent (SHA-256), each exactly once, each note says
   `valid`.

Reports throughput, p50/p99 latency per phase, and the listener's peak resident memory
(VmHWM from /proc) after each phase. Not part of `cargo test`.
"""

import argparse
import hashlib
import hmac
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "target", "release", "idenfy-cli")
FIXTURE = os.path.join(ROOT, "src", "samples", "webhook.json")
KEY = b"bench-webhook-key-0042"


def payload(n):
    """A payload of about 3 KiB like the fixture, with its own scanRef and client."""
    with open(FIXTURE, "rb") as f:
        body = json.loads(f.read())
    body["scanRef"] = "bench-%06d-5b1e-11f0-9d3a-0242ac120002" % n
    body["clientId"] = "client-%06d" % n
    body["data"].update(
        {
            "docIssuingCountry": "LT",
            "docDateOfIssue": "2019-07-01",
            "authority": "MIGRACIJOS DEPARTAMENTAS",
            "address": "GEDIMINO PR. 1, VILNIUS",
            "birthPlace": "KAUNAS",
            "selectedCountry": "LT",
            "ageEstimate": "OVER_25",
            "clientIpProxyRiskLevel": "LOW",
            "docTemporaryAddress": "SAVANORIU PR. 28-14, KAUNAS",
            "orgAddress": "GEDIMINO PR. 1, VILNIUS",
            "orgBirthPlace": "KAUNAS",
            "orgNationality": "LIETUVOS",
            "docSex": "FEMALE",
            "fullName": "MARIJA SAULE",
            "duplicateFaces": None,
            "duplicateDocFaces": None,
            "manualAddress": None,
            "manualAddressMatch": False,
            "additionalData": {"UTILITY_BILL": {"address": {"value": "GEDIMINO PR. 1", "status": "MATCH"}}},
        }
    )
    body["videoUrls"] = {
        "FACE_VIDEO": "https://files.example.test/users/%06d/FACE_VIDEO.mp4?AWSAccessKeyId=AKIDEXAMPLE&Signature=dmlkZW8&Expires=1795442400"
        % n
    }
    body["AML"] = [
        {
            "status": {
                "serviceSuspected": False,
                "checkSuccessful": True,
                "serviceFound": True,
                "serviceUsed": True,
                "overallStatus": "NOT_SUSPECTED",
            },
            "data": [],
            "serviceName": "ScreeningService",
            "serviceGroupType": "AML",
            "uid": "AML%08d" % n,
            "errorMessage": None,
        }
    ]
    body["LID"] = [dict(body["AML"][0], serviceName="InvalidDocumentsRegister", serviceGroupType="LID")]
    return json.dumps(body, indent=2, ensure_ascii=False).encode()


def peak_rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def start(directory):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": directory,
        "XDG_CONFIG_HOME": os.path.join(directory, "xdg"),
        "IDENFY_WEBHOOK_KEY": KEY.decode(),
    }
    process = subprocess.Popen(
        [BINARY, "webhook", "listen", "--port", "0", "--dir", os.path.join(directory, "caps")],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stderr.readline().decode()
    address = first.split("http://")[1].split("/")[0]
    host, port = address.rsplit(":", 1)
    lines = []

    def drain(stream, into):
        for line in stream:
            into.append(line)

    errors = []
    threading.Thread(target=drain, args=(process.stdout, lines), daemon=True).start()
    threading.Thread(target=drain, args=(process.stderr, errors), daemon=True).start()
    return process, host, int(port), lines, errors


def send_all(host, port, bodies, senders):
    """Sends every body once; returns the latencies (s) and the wall time."""
    latencies = []
    failures = []
    lock = threading.Lock()
    shares = [bodies[i::senders] for i in range(senders)]

    def sender(share):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        for body in share:
            signature = hmac.new(KEY, body, hashlib.sha256).hexdigest()
            headers = {
                "Content-Type": "application/json",
                "Idenfy-Signature": signature,
                "Idenfy-Event-Type": "IDENTIFICATION_AUTO_FINISHED",
            }
            started = time.perf_counter()
            try:
                connection.request("POST", "/webhooks/idenfy", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as err:
                status = repr(err)
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                if status != 200:
                    failures.append(status)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=sender, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started, failures


def stall(host, port, count):
    """Connections that stop mid-request and stay open."""
    held = []
    for i in range(count):
        sock = socket.create_connection((host, port))
        if i % 3 == 0:
            sock.sendall(b"POST /webhooks/idenfy HTTP/1.1\r\nHost: bench\r\nContent-Ty")
        elif i % 3 == 1:
            # A chunked body, which may be up to 16 MiB: one small chunk, then nothing.
            sock.sendall(
                b"POST /webhooks/idenfy HTTP/1.1\r\nHost: bench\r\nTransfer-Encoding: chunked\r\n\r\n"
                + b"10\r\n" + b"{" * 16 + b"\r\n"
            )
        else:
            sock.sendall(
                b"POST /webhooks/idenfy HTTP/1.1\r\nHost: bench\r\nContent-Length: 3000\r\n\r\n"
                + b"{" * 1500
            )
        held.append(sock)
    return held


def closed_by_server(sock):
    sock.settimeout(0.5)
    try:
        data = sock.recv(4096)
    except socket.timeout:
        return False
    except OSError:
        return True
    # An empty read is the server's close; a 408 answer comes before it.
    return data == b"" or data.startswith(b"HTTP/1.1 408")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(name, latencies, wall, failures):
    print(
        "%-40s %5d sent  %4d not 200  %7.0f deliveries/s  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms"
        % (
            name,
            len(latencies),
            len(failures),
            len(latencies) / wall,
            statistics.median(latencies) * 1000,
            percentile(latencies, 99) * 1000,
            max(latencies) * 1000,
        )
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deliveries", type=int, default=1000)
    parser.add_argument("--senders", type=int, default=32)
    parser.add_argument("--stalled", type=int, default=100)
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    n = args.deliveries
    batches = [[payload(b * n + i) for i in range(n)] for b in range(3)]
    print("payload: %d bytes (about %.1f KiB)" % (len(batches[0][0]), len(batches[0][0]) / 1024))
    ok = True
    with tempfile.TemporaryDirectory() as directory:
        process, host, port, lines, errors = start(directory)
        try:
            latencies, wall, failures = send_all(host, port, batches[0], args.senders)
            report("%d deliveries, %d senders" % (n, args.senders), latencies, wall, failures)
            rss = [peak_rss_kib(process.pid)]
            ok &= not failures
            latencies, wall, failures = send_all(host, port, batches[1], args.senders)
            report("%d more" % n, latencies, wall, failures)
            rss.append(peak_rss_kib(process.pid))
            ok &= not failures

            stalled_at = time.monotonic()
            held = stall(host, port, args.stalled)
            latencies, wall, failures = send_all(host, port, batches[2], args.senders)
            report("%d more, %d connections stalled" % (n, args.stalled), latencies, wall, failures)
            rss.append(peak_rss_kib(process.pid))
            p99 = percentile(latencies, 99)
            ok &= not failures and p99 < 0.1
            still_held = time.monotonic() - stalled_at
            print("the stalled connections were held through the whole phase: %s (%.1f s)"
                  % ("yes" if still_held < 10 else "no", still_held))
            print("peak RSS (VmHWM): %.1f MiB after %d deliveries, %.1f MiB after %d, %.1f MiB after %d with the stalled connections"
                  % (rss[0] / 1024, n, rss[1] / 1024, 2 * n, rss[2] / 1024, 3 * n))

            time.sleep(max(0.0, 12 - (time.monotonic() - stalled_at)))
            closed = sum(closed_by_server(sock) for sock in held)
            for sock in held:
                sock.close()
            print("stalled connections closed by the server within 12 s: %d of %d" % (closed, len(held)))
            ok &= closed == len(held)
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=60)
        time.sleep(0.2)
        print("exit on SIGTERM: %d; %s" % (code, b"".join(errors[-1:]).decode().strip()))
        ok &= code == 0

        sent = {hashlib.sha256(body).hexdigest() for batch in batches for body in batch}
        caps = os.path.join(directory, "caps")
        saved = []
        verdicts = set()
        for name in sorted(os.listdir(caps)):
            if name.endswith(".meta.json"):
                with open(os.path.join(caps, name), "rb") as f:
                    verdicts.add(json.load(f)["signature"])
            elif name.endswith(".json"):
                with open(os.path.join(caps, name), "rb") as f:
                    saved.append(hashlib.sha256(f.read()).hexdigest())
        lost = len(sent - set(saved))
        duplicated = len(saved) - len(set(saved))
        foreign = len(set(saved) - sent)
        print("saved %d of %d: %d lost, %d saved twice, %d not byte-identical to one sent; verdicts %s; %d lines printed"
              % (len(saved), len(sent), lost, duplicated, foreign, sorted(verdicts), len(lines)))
        ok &= lost == 0 and duplicated == 0 and foreign == 0 and verdicts == {"valid"}
        ok &= len(lines) == 3 * n
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
