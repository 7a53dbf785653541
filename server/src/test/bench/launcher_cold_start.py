#!/usr/bin/env python3
"""Cold start of `bp serve` through the `bp` launcher: time from spawn to the initialize reply on
stdout, with the AppCDS archive and without (BP_NO_CDS=1), runs interleaved; prints medians.

usage: server/src/test/bench/launcher_cold_start.py [STARTS=10]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
BP = os.path.join(ROOT, "bp")
INIT = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {},
    "clientInfo": {"name": "cold-start", "version": "1"}}}) + "\n"


def one(repo, cds):
    env = dict(os.environ)
    env.pop("BP_NO_CDS", None)
    if not cds:
        env["BP_NO_CDS"] = "1"
    started = time.perf_counter()
    p = subprocess.Popen([BP, "serve", "--repo", repo, "--no-journal-sweep"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    p.stdin.write(INIT.encode())
    p.stdin.flush()
    line = p.stdout.readline()
    ms = (time.perf_counter() - started) * 1000
    reply = json.loads(line)
    assert reply["id"] == 1 and reply["result"]["serverInfo"]["name"] == "blueprint", line
    p.stdin.close()
    p.wait(timeout=60)
    return ms


def main():
    starts = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    repo = tempfile.mkdtemp(prefix="bp-cold-")
    one(repo, True)  # builds the jar and the archive if needed; not counted
    time.sleep(0)
    runs = {"with AppCDS": [], "without (BP_NO_CDS=1)": []}
    for _ in range(starts):
        runs["with AppCDS"].append(one(repo, True))
        runs["without (BP_NO_CDS=1)"].append(one(repo, False))
    print(f"cold start to the initialize reply via ./bp, {starts} starts each, interleaved;"
          f" cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.2f}")
    for name, ms in runs.items():
        ms.sort()
        print(f"  {name:24s} median {statistics.median(ms):7.0f} ms   min {ms[0]:6.0f}   max {ms[-1]:6.0f}")
    base = statistics.median(runs["without (BP_NO_CDS=1)"])
    print(f"  ratio with/without: {statistics.median(runs['with AppCDS']) / base:.2f}")


if __name__ == "__main__":
    main()
