"""lspclient.py - a small scripted Language Server Protocol client for the tests.

Starts `advisor-lint --lsp` (or any command), frames JSON-RPC messages with
Content-Length, and reads the server's messages with a deadline, so a hung
server fails a test instead of hanging it. Python standard library only.
"""
import json
import os
import select
import subprocess
import time


class ServerGone(Exception):
    pass


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.buf = b""
        self.next_id = 1
        self.notifications = []   # every notification received, in order
        self.requests = []        # requests from the server (registerCapability ...)

    # -- writing
    def send_raw(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise ServerGone("the server closed its input")

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def request(self, method, params=None, timeout=20):
        rid = self.request_async(method, params)
        return self.response(rid, timeout)

    # -- reading
    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no message from the server in time")
        r, _, _ = select.select([self.proc.stdout], [], [], left)
        if not r:
            raise TimeoutError("no message from the server in time")
        chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
        if not chunk:
            raise ServerGone("the server closed its output")
        self.buf += chunk

    def read_message(self, timeout=20):
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buf:
            self._fill(deadline)
        head, rest = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        assert length is not None, "server message without Content-Length: %r" % head
        while len(rest) < length:
            self.buf = head + b"\r\n\r\n" + rest
            self._fill(deadline)
            head, rest = self.buf.split(b"\r\n\r\n", 1)
        self.buf = rest[length:]
        return json.loads(rest[:length].decode("utf-8"))

    def _route(self, msg):
        if "method" in msg and "id" in msg:
            self.requests.append(msg)
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif "method" in msg:
            self.notifications.append(msg)
        return msg

    def response(self, rid, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            msg = self._route(self.read_message(max(0.01, deadline - time.monotonic())))
            if "method" not in msg and msg.get("id") == rid:
                return msg

    def next_any(self, timeout=20):
        return self._route(self.read_message(timeout))

    def wait_notification(self, method, pred=lambda p: True, timeout=20):
        """The first notification METHOD whose params satisfy PRED, not seen before."""
        for i, n in enumerate(self.notifications):
            if n["method"] == method and pred(n["params"]):
                return self.notifications.pop(i)["params"]
        deadline = time.monotonic() + timeout
        while True:
            msg = self._route(self.read_message(max(0.01, deadline - time.monotonic())))
            if msg.get("method") == method and "id" not in msg and pred(msg["params"]):
                self.notifications.remove(msg)
                return msg["params"]

    def diagnostics(self, uri, version=None, timeout=20):
        return self.wait_notification(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
            timeout)["diagnostics"]

    # -- lifecycle
    def initialize(self, root=None, capabilities=None):
        params = {"processId": os.getpid(), "capabilities": capabilities or {}}
        if root:
            uri = path_uri(root)
            params["rootUri"] = uri
            params["workspaceFolders"] = [{"uri": uri, "name": "ws"}]
        else:
            params["rootUri"] = None
        r = self.request("initialize", params)
        self.notify("initialized", {})
        return r

    def close_input(self):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass

    def wait_exit(self, timeout=20):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise TimeoutError("the server did not exit in time")

    def stderr(self):
        return self.proc.stderr.read().decode("utf-8", "replace")

    def shutdown_exit(self):
        r = self.request("shutdown")
        assert r.get("result", "missing") is None, r
        self.notify("exit")
        self.close_input()
        return self.wait_exit()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def path_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))
