#!/usr/bin/env python3
"""lsp.py - advisor-lint --lsp: time from didChange to publishDiagnostics.

    bench/lsp.py ADVISOR_LINT [--runs N] [--workspace DIR] [--seed FILE]

Starts the language server with DIR (default ../shared/corpus/real, the 411 real
files) as its workspace folder, so every check compares the document with the
workspace's metadata files (the context is read once, at initialize: its time is
printed too). Then, for each document size (the seed file; the seed with its
longDescription grown to 1 MB and to 10 MB), opens it as a new file of the
workspace and sends N full-text didChange notifications one at a time, each
alternating one character of the description so every check is real, timing each
from the write of the didChange to the arrival of the publishDiagnostics for that
version. Prints min, median, p90 and max in milliseconds. Python's standard library
only (tests/lsp/lspclient.py); the client's own JSON encoding and decoding of the
document is inside the measured time, as it is in an editor.
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "lsp"))
from lspclient import Client, path_uri  # noqa: E402


def grown(seed, size):
    marker = '"longDescription": "'
    at = seed.index(marker) + len(marker)
    pad = max(0, size - len(seed.encode("utf-8")))
    return seed[:at] + "x" * pad + seed[at:]


def bench_doc(c, uri, text, runs):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    c.diagnostics(uri, 1, timeout=600)
    times = []
    codes = None
    for v in range(2, runs + 2):
        t = text.replace('"Medium"', '"High"') if v % 2 else text
        t0 = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                            "contentChanges": [{"text": t}]})
        d = c.diagnostics(uri, v, timeout=600)
        times.append((time.perf_counter() - t0) * 1000.0)
        codes = sorted({x["code"] for x in d})
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    c.diagnostics(uri)
    return times, codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lint")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--workspace", default=os.path.join(here, "..", "..", "shared", "corpus", "real"))
    ap.add_argument("--seed", default=os.path.join(here, "..", "fixtures", "valid",
                                                   "seed-expressroute-mooncake.md"))
    a = ap.parse_args()
    ws = os.path.realpath(a.workspace)
    if not os.path.isdir(ws):
        print("bench/lsp.py: no workspace %s" % ws, file=sys.stderr)
        return 77
    nfiles = sum(len([f for f in fs if f.endswith(".md")]) for _, _, fs in os.walk(ws))
    seed = open(a.seed, encoding="utf-8").read()
    cache = tempfile.mkdtemp(prefix="al-lsp-bench-")
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    c = Client([os.path.abspath(a.lint), "--lsp", "--no-cache"], cwd=ws, env=env)
    t0 = time.perf_counter()
    r = c.request("initialize", {"processId": os.getpid(), "rootUri": path_uri(ws),
                                 "workspaceFolders": [{"uri": path_uri(ws), "name": "real"}],
                                 "capabilities": {}}, timeout=600)
    init_ms = (time.perf_counter() - t0) * 1000.0
    assert "result" in r, r
    c.notify("initialized", {})
    print("workspace %s: %d .md files; initialize (reads the context) %.1f ms"
          % (ws, nfiles, init_ms))
    print("%-10s %10s %5s %9s %9s %9s %9s  %s" % ("document", "bytes", "runs", "min ms",
                                                 "median ms", "p90 ms", "max ms", "codes"))
    for name, text, runs in (("seed", seed, a.runs), ("1 MB", grown(seed, 1 << 20), a.runs),
                             ("10 MB", grown(seed, 10 << 20), max(3, a.runs // 10))):
        uri = path_uri(os.path.join(ws, "articles", "advisorrecommendation.bench",
                                    "bench-%s.md" % name.replace(" ", "")))
        times, codes = bench_doc(c, uri, text, runs)
        times.sort()
        p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
        print("%-10s %10d %5d %9.2f %9.2f %9.2f %9.2f  %s" % (
            name, len(text.encode("utf-8")), runs, times[0], statistics.median(times), p90,
            times[-1], ",".join(codes) or "-"))
    c.shutdown_exit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
