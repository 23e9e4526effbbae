#!/usr/bin/env python3
"""make_seeds.py OUT_DIR SOURCE_DIR [SHARED_DIR] - seed corpora for the fuzz targets.

Writes OUT_DIR/<target>/<n> files from the repository's fixtures (and, when
SHARED_DIR holds them, the JSON-Schema-Test-Suite and mustache spec cases):
  reader      every fixture file (.md .json .yaml .txt) and examples/*.md
  yaml        the .yaml fixtures, every JSON body (JSON is YAML) and the
              config files of the CLI tests (tests/cli/config/*.yaml)
  jsonschema  SCHEMA NUL INSTANCE NUL FLAGS: the Advisor schema with each
              fixture body, plus the test suite's schema/data pairs
  mustache    TEMPLATE NUL CONTEXT NUL PARTIAL...: templates/ files and the
              mustache spec's tests
  lsp         an LSP session over each Markdown fixture: 0x01 then the
              messages split by NUL (fuzz_lsp.c frames them), and the same
              session framed, after 0x00 (the raw stream)
The layouts match what fuzz/*.c split their input into."""
import json
import os
import re
import sys


def write(out, target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def files_under(root, exts):
    for dirpath, _, names in os.walk(root):
        for n in sorted(names):
            if n.endswith(exts):
                yield os.path.join(dirpath, n)


def body_of(data):
    """The JSON body between the fences of a Markdown fixture, or the file."""
    m = re.search(rb"^---[ \t]*\r?\n(.*?)^---", data, re.S | re.M)
    return m.group(1) if m else data


def lsp_session(text):
    """The bodies of a session: initialize, open TEXT, change it, ask, shut down."""
    uri = "file:///ws/a.md"
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"rootUri": "file:///ws", "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [
                {"range": {"start": {"line": 7, "character": 3},
                           "end": {"line": 8, "character": 1}}, "text": "\u00e9\U0001F600"}]}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 13, "character": 8}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/completion", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 12, "character": 5}}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri}, "context": {"diagnostics": []},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}},
        {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {
            "textDocument": {"uri": uri}}},
        {"jsonrpc": "2.0", "id": 5, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    return [json.dumps(m).encode() for m in msgs]


def main():
    out, src = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else ""
    n = 0
    bodies = []
    for p in list(files_under(os.path.join(src, "fixtures"), (".md", ".json", ".yaml", ".yml", ".txt"))) + \
            list(files_under(os.path.join(src, "examples"), (".md",))):
        if not os.path.isfile(p):
            continue  # the read-error fixture is a dangling symlink
        data = open(p, "rb").read()
        n += 1
        write(out, "reader", "fixture-%03d" % n, data)
        if p.endswith((".yaml", ".yml", ".json")):
            write(out, "yaml", "fixture-%03d" % n, data)
        bodies.append(body_of(data))
    for i, b in enumerate(bodies):
        write(out, "yaml", "body-%03d" % i, b)
    for i, p in enumerate(files_under(os.path.join(src, "tests", "cli", "config"), (".yaml",))):
        write(out, "yaml", "config-%03d" % i, open(p, "rb").read())
    schema = open(os.path.join(src, "schemas", "advisor-recommendation.schema.json"), "rb").read()
    for i, b in enumerate(bodies):
        write(out, "jsonschema", "advisor-%03d" % i, schema + b"\0" + b + b"\0" + bytes([i & 3]))
    suite = os.path.join(shared, "suites", "JSON-Schema-Test-Suite", "tests", "draft2020-12")
    k = 0
    if shared and os.path.isdir(suite):
        for p in files_under(suite, (".json",)):
            if "/optional/" in p and "format" in p:
                continue
            for group in json.load(open(p, encoding="utf-8")):
                s = json.dumps(group["schema"]).encode()
                for t in group["tests"][:2]:
                    k += 1
                    write(out, "jsonschema", "suite-%04d" % k,
                          s + b"\0" + json.dumps(t["data"]).encode() + b"\0" + bytes([k & 3]))
    m = 0
    for p in files_under(os.path.join(src, "templates"), (".mustache",)):
        m += 1
        write(out, "mustache", "template-%03d" % m, open(p, "rb").read() + b"\0{}")
    spec = os.path.join(shared, "suites", "mustache-spec", "specs")
    if shared and os.path.isdir(spec):
        for p in files_under(spec, (".json",)):
            for t in json.load(open(p, encoding="utf-8")).get("tests", []):
                m += 1
                parts = [t["template"].encode(), json.dumps(t.get("data")).encode()]
                parts += [v.encode() for v in list(t.get("partials", {}).values())[:4]]
                write(out, "mustache", "spec-%03d" % m, b"\0".join(parts))
    sessions = 0
    for p in files_under(os.path.join(src, "fixtures"), (".md",)):
        if not os.path.isfile(p):  # a dangling link, as the read-error fixture is
            continue
        text = open(p, "rb").read().decode("utf-8", "replace")
        bodies_ = lsp_session(text)
        sessions += 1
        write(out, "lsp", "session-%03d" % sessions, b"\x01" + b"\0".join(bodies_))
        write(out, "lsp", "stream-%03d" % sessions,
              b"\x00" + b"".join(b"Content-Length: %d\r\n\r\n" % len(b) + b for b in bodies_))
    print("seeds: %d lsp sessions" % sessions)
    print("seeds: %d files, %d bodies, %d schema tests, %d templates" % (n, len(bodies), k, m))


main()
