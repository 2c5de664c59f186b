"""A minimal Language Server Protocol client for the tests and the benchmark: it starts
``python -m cablelint server`` and speaks JSON-RPC with Content-Length framing over the
server's standard input and output, with a timeout on every wait so nothing hangs."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time

TIMEOUT = 30  # seconds for any one answer


class Client:
    """A minimal LSP client: frames messages, reads the server's on a thread, answers the
    server's own requests with null, and waits for answers with a timeout."""

    def __init__(self, cwd, log=None):
        """Start the server in ``cwd``; its standard error goes to the file ``log``."""
        self.log = open(log, "wb") if log else subprocess.DEVNULL
        self.process = subprocess.Popen([sys.executable, "-m", "cablelint", "server"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, cwd=cwd)
        self.messages: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def _next(self, deadline: float) -> dict:
        try:
            message = self.messages.get(timeout=max(deadline - time.monotonic(), 0))
        except queue.Empty:
            raise AssertionError("the server did not answer in time") from None
        if "method" in message and "id" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def request(self, method: str, params) -> object:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._next(deadline)
            if message.get("id") == self.next_id and "method" not in message:
                assert "error" not in message, message["error"]
                return message["result"]

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = TIMEOUT):
        """The next publishDiagnostics for ``uri`` (of ``version``, when given)."""
        deadline = time.monotonic() + timeout
        while True:
            for index, note in enumerate(self.notifications):
                params = note["params"]
                if note["method"] == "textDocument/publishDiagnostics" \
                        and params["uri"] == uri \
                        and (version is None or params.get("version") == version):
                    del self.notifications[: index + 1]
                    return params["diagnostics"]
            self._next(deadline)

    def published(self, wait: float) -> list[dict]:
        """Every publishDiagnostics that arrives within ``wait`` seconds."""
        deadline = time.monotonic() + wait
        while True:
            try:
                self._next(deadline)
            except AssertionError:
                break
        found = [n["params"] for n in self.notifications
                 if n["method"] == "textDocument/publishDiagnostics"]
        self.notifications.clear()
        return found

    def start(self, root_uri: str, capabilities: dict | None = None, **options) -> dict:
        """initialize (with ``options`` as initializationOptions), then initialized."""
        result = self.request("initialize", {"processId": None, "rootUri": root_uri,
                                             "capabilities": capabilities or {},
                                             "initializationOptions": options})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cable", "version": version, "text": text}})

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def save(self, uri: str) -> None:
        self.notify("textDocument/didSave", {"textDocument": {"uri": uri}})

    def stop(self) -> int:
        assert self.request("shutdown", None) is None
        self.notify("exit", None)
        return self.process.wait(timeout=TIMEOUT)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()
        if self.log is not subprocess.DEVNULL:
            self.log.close()
