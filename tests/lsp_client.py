"""A small Language Server Protocol client for the tests: it starts `readlint server` as an
editor would (a subprocess speaking JSON-RPC over stdio) and reads its messages on a thread."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any


class Client:
    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        """`env`: variables to set for the server, over this process's own."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "readlint", "server", *args], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})})
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.log: list[str] = []  # the server's standard error, line by line
        self._next = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_log, daemon=True).start()

    def _read_log(self) -> None:
        err = self.process.stderr
        assert err is not None
        with contextlib.suppress(ValueError, OSError):  # closed by stop()
            for line in err:
                self.log.append(line.decode("utf-8", "replace").rstrip("\n"))

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None
            self.messages.put(json.loads(out.read(length)))

    def send_raw(self, data: bytes) -> None:
        """Bytes as they are, headers and all (or none): for framing a client got wrong."""
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(data)
        stdin.flush()

    def send_bytes(self, body: bytes) -> None:
        self.send_raw(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any], timeout: float = 30) -> Any:
        message = self.reply(method, params, timeout)
        if "error" in message:
            raise RuntimeError(message["error"])
        return message.get("result")

    def reply(self, method: str, params: Any, timeout: float = 30) -> dict[str, Any]:
        """The server's whole answer to a request: with "result", or with "error"."""
        self._next += 1
        number = self._next
        self.send({"id": number, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == number and "method" not in m, timeout)

    def wait(self, wanted, timeout: float = 30) -> dict[str, Any]:
        """The next message that `wanted` accepts; notifications seen on the way are kept."""
        for i, kept in enumerate(self.notifications):
            if wanted(kept):
                return self.notifications.pop(i)
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no such message from the server")
            message = self.messages.get(timeout=left)
            if wanted(message):
                return message
            if "method" in message:
                self.notifications.append(message)
            if message.get("method") in ("window/workDoneProgress/create",
                                         "client/registerCapability"):
                self.send({"id": message["id"], "result": None})

    def diagnostics(self, uri: str, timeout: float = 30) -> list[dict[str, Any]]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri, timeout)
        return message["params"]["diagnostics"]

    def start(self, root: Path) -> dict[str, Any]:
        result = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": {},
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}]}, timeout=60)
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": version, "text": text}})
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}]})

    def stop(self) -> int:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            return self.process.wait(timeout=10)
        finally:
            self.close()

    def close(self) -> None:
        """Kill the server if it still runs, and close the pipes."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
