#!/usr/bin/env python3
"""test_protocol.py - advisor-lint --lsp against a scripted client (tests/lsp/lspclient.py).

    test_protocol.py ADVISOR_LINT FIXTURES_DIR CASE

Each CASE is one ctest test (lsp/protocol-CASE). Every case starts the real
server in a temporary workspace, speaks the protocol to it and asserts what
comes back: lifecycle and exit status, diagnostics from the buffer (with
UTF-16 positions), the config and the workspace as context, code actions,
hover, completion, and each robustness case (malformed JSON-RPC, unknown
methods, bad or huge Content-Length, requests before initialize, input
ending inside a message, a 10 MB document).
"""
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, path_uri  # noqa: E402

LINT = FIXTURES = None
CASES = {}


def case(fn):
    CASES[fn.__name__.replace("_", "-")] = fn
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="al-lsp-")
        self.dir = os.path.realpath(self.dir)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def uri(self, name):
        return path_uri(os.path.join(self.dir, name))

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def fixture(rel):
    with open(os.path.join(FIXTURES, rel), encoding="utf-8", newline="") as f:
        return f.read()


SEED = None  # the valid seed file's text


def start(ws=None, args=(), capabilities=None):
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = os.path.join(ws.dir if ws else tempfile.gettempdir(), ".cache")
    c = Client([LINT, "--lsp", "--no-cache"] + list(args), cwd=ws.dir if ws else None, env=env)
    return c


def open_doc(c, uri, text, version=1):
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": version, "text": text}})


def change_full(c, uri, text, version):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                        "contentChanges": [{"text": text}]})


def codes(diags):
    return sorted(d["code"] for d in diags)


def utf16_col(line, index):
    """The UTF-16 column of code-point INDEX in LINE."""
    return len(line[:index].encode("utf-16-le")) // 2


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to TEXT, as a client does."""
    lines = text.split("\n")

    def offset(pos):
        off = sum(len(l) + 1 for l in lines[:pos["line"]])
        line = lines[pos["line"]]
        units = 0
        for i, ch in enumerate(line):
            if units >= pos["character"]:
                return off + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return off + len(line)

    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"],
                                          e["range"]["start"]["character"]), reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


# ---------------------------------------------------------------- lifecycle

@case
def lifecycle(ws):
    c = start(ws)
    r = c.initialize(ws.dir)
    caps = r["result"]["capabilities"]
    check(caps["textDocumentSync"]["change"] in (1, 2), "textDocumentSync.change: %r" % caps)
    check(caps["textDocumentSync"]["openClose"] is True, "openClose")
    check(caps.get("hoverProvider") is True, "hoverProvider")
    check("quickfix" in caps["codeActionProvider"]["codeActionKinds"], "codeActionProvider")
    check("completionProvider" in caps, "completionProvider")
    check(caps.get("positionEncoding", "utf-16") == "utf-16", "positionEncoding")
    check(r["result"]["serverInfo"]["name"] == "advisor-lint", "serverInfo")
    status = c.shutdown_exit()
    check(status == 0, "exit after shutdown: status %r, not 0" % status)


@case
def exit_without_shutdown(ws):
    c = start(ws)
    c.initialize(ws.dir)
    c.notify("exit")
    c.close_input()
    status = c.wait_exit()
    check(status == 1, "exit without shutdown: status %r, not 1" % status)


@case
def input_ends_without_exit(ws):
    c = start(ws)
    c.initialize(ws.dir)
    c.close_input()
    status = c.wait_exit()
    check(status == 1, "input closed without exit: status %r, not 1" % status)


@case
def before_initialize(ws):
    c = start(ws)
    uri = ws.uri("a.md")
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32002, "hover before initialize: %r" % r)
    open_doc(c, uri, fixture("rules/cloud-name-case/bad.md"))  # dropped: not initialized
    c.initialize(ws.dir)
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                         "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32602,
          "the didOpen sent before initialize was not dropped: %r" % r)
    check(not c.notifications or all(n["method"] != "textDocument/publishDiagnostics"
                                     for n in c.notifications), "diagnostics for a dropped open")
    r = c.request("initialize", {"capabilities": {}})
    check("error" in r, "a second initialize is an error: %r" % r)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def after_shutdown(ws):
    c = start(ws)
    c.initialize(ws.dir)
    c.request("shutdown")
    r = c.request("textDocument/hover", {"textDocument": {"uri": ws.uri("a.md")},
                                         "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32600, "a request after shutdown: %r" % r)
    c.notify("exit")
    c.close_input()
    check(c.wait_exit() == 0, "exit after shutdown")


# ---------------------------------------------------------------- diagnostics

@case
def diagnostics_follow_the_buffer(ws):
    bad = fixture("rules/cloud-name-case/bad.md")
    ws.write("a.md", SEED)  # on disk: clean; in the editor: the defect
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    open_doc(c, uri, bad, 1)
    d = c.diagnostics(uri, 1)
    check("cloud-name-case" in codes(d), "didOpen: %r" % d)
    lines = bad.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("cloudEnvironments"))
    diag = next(x for x in d if x["range"]["start"]["line"] == row)
    col = lines[row].index("MoonCake")
    check(diag["range"]["start"]["character"] == col and
          diag["range"]["end"]["character"] == col + len("MoonCake"), "range: %r" % diag)
    check(diag["severity"] == 3 and diag["source"] == "advisor-lint", "severity/source: %r" % diag)
    check(diag["codeDescription"]["href"].endswith("#cloud-name-case"), "href: %r" % diag)
    # full change fixing it: the diagnostic goes
    fixed = bad.replace('"MoonCake"', '"Mooncake"')
    change_full(c, uri, fixed, 2)
    d = c.diagnostics(uri, 2)
    check(all(x["range"]["start"]["line"] != row for x in d), "after the fix: %r" % d)
    # incremental change putting it back
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {"start": {"line": row, "character": col + 4},
                                      "end": {"line": row, "character": col + 5}},
                            "text": "C"}]})
    d = c.diagnostics(uri, 3)
    check(any(x["range"]["start"]["line"] == row and x["code"] == "cloud-name-case"
              for x in d), "incremental change: %r" % d)
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    d = c.diagnostics(uri)
    check(d == [], "didClose clears: %r" % d)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def burst_checked_once(ws):
    # twelve incremental changes written at once (one write, under PIPE_BUF): one check
    bad = fixture("rules/cloud-name-case/bad.md")
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    open_doc(c, uri, bad, 1)
    c.diagnostics(uri, 1)
    data = b""
    for v in range(2, 14):
        body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                          "end": {"line": 0, "character": 0}},
                                "text": ""}]}}).encode()
        data += b"Content-Length: %d\r\n\r\n" % len(body) + body
    check(len(data) < 4096, "one atomic write")
    c.send_raw(data)
    c.diagnostics(uri, 13)
    r = c.request("shutdown")
    check(r.get("result", 1) is None, "shutdown")
    early = [n for n in c.notifications if n["method"] == "textDocument/publishDiagnostics"
             and n["params"]["uri"] == uri]
    check(early == [], "versions 2..12 were checked too: %r" %
          [n["params"].get("version") for n in early])
    c.notify("exit")
    c.close_input()
    check(c.wait_exit() == 0, "clean exit")


@case
def utf16_positions(ws):
    # a non-BMP character (U+1F600, two UTF-16 units) before the finding on its line
    text = SEED.replace(
        '"learnMoreLink": "https://docs.azure.cn/',
        '"potentialBenefits": "\U0001F600 \U0001F600", "learnMoreLink": "http://docs.azure.cn/')
    text = text.replace('    "potentialBenefits": "Improve resiliency in case of ExpressRoute '
                        'peering location failure",\n', '')
    check("http://docs" in text, "fixture edit")
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("emoji.md")
    open_doc(c, uri, text)
    d = c.diagnostics(uri)
    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if "http://docs" in l)
    link = [x for x in d if x["code"] == "insecure-link"]
    check(len(link) == 1, "one insecure-link: %r" % d)
    cp = lines[row].index('"http://docs')
    want = utf16_col(lines[row], cp)
    check(want == cp + 2, "the fixture has two surrogate pairs before the link")
    got = link[0]["range"]["start"]
    check(got == {"line": row, "character": want},
          "start %r, want line %d character %d (code points: %d)" % (got, row, want, cp))
    end = link[0]["range"]["end"]["character"]
    want_end = utf16_col(lines[row], lines[row].index('"', cp + 1) + 1)
    check(end == want_end, "end character %d, want %d" % (end, want_end))
    # an incremental edit placed after the emoji, in UTF-16 units, lands where meant
    c.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": row, "character": want + 5},
                                      "end": {"line": row, "character": want + 5}},
                            "text": "s"}]})
    d = c.diagnostics(uri, 2)
    check("insecure-link" not in codes(d), "http -> https by a UTF-16 edit: %r" % d)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def not_metadata(ws):
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("README.md")
    open_doc(c, uri, "# A readme\n\nNothing to do with Advisor.\n")
    check(c.diagnostics(uri) == [], "a file that is not metadata gets no diagnostics")
    check(c.shutdown_exit() == 0, "clean exit")


@case
def config_applies(ws):
    ws.write(".advisor-lint.yaml", "rules:\n  cloud-name-case: error\n  insecure-link: off\n")
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    text = fixture("rules/cloud-name-case/bad.md").replace("https://docs.azure.cn/express",
                                                          "http://docs.azure.cn/express")
    open_doc(c, uri, text)
    d = c.diagnostics(uri)
    check("insecure-link" not in codes(d), "insecure-link is off in the config: %r" % d)
    cn = [x for x in d if x["code"] == "cloud-name-case"]
    check(cn and all(x["severity"] == 1 for x in cn), "cloud-name-case is an error: %r" % d)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def workspace_context(ws):
    a = fixture("rules/article-id-unique/bad-a.md")
    b = fixture("rules/article-id-unique/bad-b.md")
    ws.write("articles/b.md", b)
    c = start(ws)
    c.initialize(ws.dir, {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    uri = ws.uri("articles/a.md")
    open_doc(c, uri, a)
    d = c.diagnostics(uri)
    check("article-id-unique" in codes(d), "compared with the workspace's b.md: %r" % d)
    os.unlink(os.path.join(ws.dir, "articles/b.md"))
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": ws.uri("articles/b.md"), "type": 3}]})
    d = c.diagnostics(uri)
    check("article-id-unique" not in codes(d), "b.md deleted: %r" % d)
    ws.write("articles/b.md", b)
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": ws.uri("articles/b.md"), "type": 1}]})
    d = c.diagnostics(uri)
    check("article-id-unique" in codes(d), "b.md created again: %r" % d)
    check(any(r["method"] == "client/registerCapability" for r in c.requests),
          "the server registers for watched files when the client can: %r" % c.requests)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def did_save_refreshes_context(ws):
    a = fixture("rules/article-id-unique/bad-a.md")
    b = fixture("rules/article-id-unique/bad-b.md")
    ws.write("a.md", a)
    ws.write("b.md", SEED)
    c = start(ws)
    c.initialize(ws.dir)
    ua, ub = ws.uri("a.md"), ws.uri("b.md")
    open_doc(c, ua, a)
    check("article-id-unique" not in codes(c.diagnostics(ua)), "b.md differs on disk")
    open_doc(c, ub, b)
    c.diagnostics(ub)
    ws.write("b.md", b)  # the editor saves b.md
    c.notify("textDocument/didSave", {"textDocument": {"uri": ub}})
    d = c.diagnostics(ua)
    check("article-id-unique" in codes(d), "a.md sees the saved b.md: %r" % d)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def workspace_folder_missing(ws):
    # a workspace folder that does not exist: a warning, and documents still checked
    gone = os.path.join(ws.dir, "no-such-folder")
    c = start(ws)
    r = c.initialize(gone)
    check("result" in r, "initialize still succeeds: %r" % r)
    uri = path_uri(os.path.join(gone, "a.md"))
    open_doc(c, uri, fixture("rules/cloud-name-case/bad.md"))
    check("cloud-name-case" in codes(c.diagnostics(uri)), "checked without a workspace")
    logs = [n["params"]["message"] for n in c.notifications if n["method"] == "window/logMessage"]
    check(any("cannot enter the workspace folder" in m for m in logs), "a warning: %r" % logs)
    check(c.shutdown_exit() == 0, "clean exit")


# ---------------------------------------------------------------- code actions

def actions_at(c, uri, rng):
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng,
                                               "context": {"diagnostics": []}})
    return r["result"]


@case
def code_action_fix(ws):
    bad = fixture("rules/cloud-name-case/bad.md")
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    open_doc(c, uri, bad)
    d = c.diagnostics(uri)
    lines = bad.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("cloudEnvironments"))
    diag = next(x for x in d if x["range"]["start"]["line"] == row)
    acts = actions_at(c, uri, diag["range"])
    fixes = [a for a in acts if a["title"].startswith("Fix")]
    check(len(fixes) == 1 and fixes[0]["kind"] == "quickfix", "one quick fix: %r" % acts)
    edits = fixes[0]["edit"]["changes"][uri]
    check(edits[0]["newText"] == "Mooncake", "the fix: %r" % edits)
    text = apply_edits(bad, edits)
    change_full(c, uri, text, 2)
    d = c.diagnostics(uri, 2)
    check(all(x["range"]["start"]["line"] != row for x in d), "fixed: %r" % d)
    check(c.shutdown_exit() == 0, "clean exit")


@case
def code_action_suppress(ws):
    text = SEED.replace('"https://docs.azure.cn/expressroute/designing',
                        '"http://docs.azure.cn/expressroute/designing')
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    open_doc(c, uri, text)
    d = [x for x in c.diagnostics(uri) if x["code"] == "insecure-link"]
    check(len(d) == 1, "insecure-link: %r" % d)
    acts = actions_at(c, uri, d[0]["range"])
    sup = [a for a in acts if a["title"] == "Suppress insecure-link for this file"]
    check(len(sup) == 1, "a suppress action: %r" % acts)
    text2 = apply_edits(text, sup[0]["edit"]["changes"][uri])
    check('advisorLintIgnore = "insecure-link"' in text2, "the header: %s" % text2[:600])
    change_full(c, uri, text2, 2)
    d2 = c.diagnostics(uri, 2)
    check("insecure-link" not in codes(d2) and "unused-suppression" not in codes(d2),
          "suppressed: %r" % d2)
    # a second rule joins the same attribute
    text3 = text2.replace('"MoonCake"', '"x"').replace('cloudEnvironments = "Mooncake"',
                                                       'cloudEnvironments = "MoonCake"')
    change_full(c, uri, text3, 3)
    d3 = [x for x in c.diagnostics(uri, 3) if x["code"] == "cloud-name-case"]
    check(d3, "cloud-name-case in version 3")
    sup = [a for a in actions_at(c, uri, d3[0]["range"])
           if a["title"] == "Suppress cloud-name-case for this file"]
    text4 = apply_edits(text3, sup[0]["edit"]["changes"][uri])
    check('advisorLintIgnore = "insecure-link, cloud-name-case"' in text4, text4[:700])
    change_full(c, uri, text4, 4)
    d4 = c.diagnostics(uri, 4)
    check("cloud-name-case" not in codes(d4), "both suppressed: %r" % d4)
    check(c.shutdown_exit() == 0, "clean exit")


# ---------------------------------------------------------------- hover, completion

def position_of(text, needle, delta=0):
    lines = text.split("\n")
    for i, l in enumerate(lines):
        if needle in l:
            return {"line": i, "character": utf16_col(l, l.index(needle) + delta)}
    raise AssertionError("no %r in the text" % needle)


@case
def hover(ws):
    text = SEED.replace('"https://docs.azure.cn/expressroute/designing',
                        '"http://docs.azure.cn/expressroute/designing')
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    open_doc(c, uri, text)
    c.diagnostics(uri)

    def hover_at(pos):
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
        return r["result"]["contents"]["value"] if r["result"] else None

    h = hover_at(position_of(text, '"recommendationCategory"', 3))
    check(h and "Category" in h and "HighAvailability" in h, "hover on a key: %r" % h)
    h = hover_at(position_of(text, '"dataSource"', 3))
    check(h and "Data source kind" in h, "hover on a nested key: %r" % h)
    h = hover_at(position_of(text, '"actionType": "Document"', 3))
    check(h and "actionType" in h, "hover on a key in an array item: %r" % h)
    h = hover_at(position_of(text, "http://docs", 3))
    check(h and "insecure-link" in h, "hover on a diagnostic: %r" % h)
    check(hover_at({"line": 0, "character": 1}) is None, "nothing to say on '<properties'")
    check(c.shutdown_exit() == 0, "clean exit")


@case
def completion(ws):
    c = start(ws)
    c.initialize(ws.dir)
    uri = ws.uri("a.md")
    text = SEED.replace('    "recommendationCategory": "HighAvailability",\n',
                        '    "recommendationCategory": "",\n    "\n')
    open_doc(c, uri, text)
    c.diagnostics(uri)

    def labels(pos):
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                  "position": pos})
        res = r["result"]
        items = res["items"] if isinstance(res, dict) else res
        return {i["label"]: i for i in items}

    lines = text.split("\n")
    row = next(i for i, l in enumerate(lines) if l == '    "')
    got = labels({"line": row, "character": 5})
    check("recommendationCategory" in got and "actions" in got, "keys: %r" % list(got)[:10])
    check(got["recommendationCategory"].get("documentation"), "keys carry their description")
    got = labels(position_of(text, '"recommendationCategory": ""', 27))
    check(set(got) == {"HighAvailability", "Security", "Performance", "Cost",
                       "OperationalExcellence"}, "categories: %r" % list(got))
    got = labels(position_of(text, '"recommendationImpact": "Medium"', 25))
    check({"High", "Medium", "Low"} <= set(got), "impact: %r" % list(got))
    got = labels(position_of(text, '"dataSource": "Cosmos"', 15))
    check(set(got) == {"Kusto", "SAS", "Cosmos"}, "data source: %r" % list(got))
    got = labels(position_of(text, '"actionType": "Document"', 15))
    check("Document" in got and "Blade" in got, "actionType: %r" % list(got))
    got = labels(position_of(text, '"email"', 2))
    check("serviceTreeId" in got and "recommendationCategory" not in got,
          "keys of owner: %r" % list(got))
    got = labels(position_of(text, 'cloudEnvironments = "Mooncake"', 22))
    check(set(got) == {"Public", "Fairfax", "Mooncake", "USNat", "USSec"}, "clouds: %r" % got)
    check(c.shutdown_exit() == 0, "clean exit")


# ---------------------------------------------------------------- robustness

def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@case
def malformed_json(ws):
    c = start(ws)
    c.initialize(ws.dir)
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 7, "method": '))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32700 and m.get("id") is None, "parse error: %r" % m)
    c.send_raw(frame(b'[1, 2]'))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32600, "not an object: %r" % m)
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 8, "method": 42}'))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32600 and m.get("id") == 8, "method 42: %r" % m)
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 9, "method": "x", "params": 3}'))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32600, "params 3: %r" % m)
    c.send_raw(frame(b'\xff\xfe not utf-8'))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32700, "bytes that are not UTF-8: %r" % m)
    c.send_raw(frame(b'{"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", '
                     b'"params": {"textDocument": {"uri": 5}, "position": {}}}'))
    m = c.next_any()
    check(m.get("error", {}).get("code") == -32602 and m["id"] == 10, "bad params: %r" % m)
    check(c.shutdown_exit() == 0, "still serving after bad messages")


@case
def unknown_methods(ws):
    c = start(ws)
    c.initialize(ws.dir)
    r = c.request("textDocument/noSuchThing", {})
    check(r.get("error", {}).get("code") == -32601, "unknown request: %r" % r)
    c.notify("$/noSuchNotification", {})
    c.notify("workspace/noSuchNotification")
    r = c.request("shutdown")
    check(r.get("result", 1) is None, "unknown notifications are ignored: %r" % r)
    c.notify("exit")
    c.close_input()
    check(c.wait_exit() == 0, "exit 0")


def framing_case(ws, data, words):
    c = start(ws)
    c.initialize(ws.dir)
    t0 = time.monotonic()
    try:
        c.send_raw(data)
    except Exception:  # the server may stop reading before all of DATA is written
        pass
    c.close_input()
    status = c.wait_exit(20)
    err = c.stderr()
    check(status == 1, "status %r, not 1" % status)
    check(all(w in err for w in words), "stderr %r lacks %r" % (err, words))
    check(time.monotonic() - t0 < 10, "it took too long")


@case
def negative_content_length(ws):
    framing_case(ws, b"Content-Length: -5\r\n\r\n{}", ["Content-Length"])


@case
def huge_content_length(ws):
    framing_case(ws, b"Content-Length: 99999999999999999999999\r\n\r\n{}", ["Content-Length"])


@case
def content_length_above_limit_with_data(ws):
    # 100 MB announced, 1 MB sent: refused at the header, nothing buffered
    framing_case(ws, b"Content-Length: 104857600\r\n\r\n" + b" " * (1 << 20), ["Content-Length"])


@case
def missing_content_length(ws):
    framing_case(ws, b"Content-Type: application/json\r\n\r\n{}", ["without Content-Length"])


@case
def unterminated_message(ws):
    framing_case(ws, b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0"', ["ended inside a message"])


@case
def unterminated_headers(ws):
    framing_case(ws, b"Content-Length: 10\r\n", ["ended inside"])


@case
def header_line_too_long(ws):
    framing_case(ws, b"X-" + b"a" * 5000 + b": 1\r\n\r\n", ["too long"])


@case
def large_document(ws):
    # a 10 MB document: checked, and a request about another document right after its
    # change waits no longer than that one check (plus slack for a loaded machine)
    big = SEED.replace('"longDescription": "', '"longDescription": "' + "x" * (10 << 20))
    c = start(ws)
    c.initialize(ws.dir)
    ub, us = ws.uri("big.md"), ws.uri("small.md")
    open_doc(c, us, fixture("rules/cloud-name-case/bad.md"))
    c.diagnostics(us)
    t0 = time.monotonic()
    open_doc(c, ub, big)
    c.diagnostics(ub, 1, timeout=120)
    one_check = time.monotonic() - t0
    t0 = time.monotonic()
    change_full(c, ub, big.replace('"Medium"', '"High"'), 2)
    r = c.request("textDocument/hover", {"textDocument": {"uri": us},
                                         "position": {"line": 0, "character": 0}}, timeout=120)
    waited = time.monotonic() - t0
    check("result" in r, "the hover is answered: %r" % r)
    check(waited < 2 * one_check + 2.0,
          "a request waited %.2f s behind a 10 MB document whose check takes %.2f s"
          % (waited, one_check))
    print("10 MB document: first check and publish %.2f s, request answered after %.2f s"
          % (one_check, waited))
    check(c.shutdown_exit() == 0, "clean exit")


def main():
    global LINT, FIXTURES, SEED
    if len(sys.argv) != 4 or sys.argv[3] not in CASES:
        print("usage: test_protocol.py ADVISOR_LINT FIXTURES_DIR CASE\ncases: " +
              " ".join(CASES), file=sys.stderr)
        return 2
    LINT, FIXTURES = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    SEED = fixture("valid/seed-expressroute-mooncake.md")
    ws = Workspace()
    try:
        CASES[sys.argv[3]](ws)
    finally:
        ws.cleanup()
    print("lsp/protocol-%s: ok" % sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
