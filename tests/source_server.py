"""A local HTTP server for the source clients' tests: scripted answers per path.

``answers[path]`` is a list of ``(status, headers, body)`` given in turn (the last one
repeats); a path without answers goes to ``dynamic`` (a function of the request, e.g. a
query body), if set. An answer with an ``ETag`` is answered ``304 Not Modified`` to a
request whose ``If-None-Match`` names it, as a real server does. Every request is
recorded with its method, path, headers, body and the status sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int = 0


@dataclass
class Script:
    answers: dict[str, list[Reply]] = field(default_factory=dict)
    seen: list[Recorded] = field(default_factory=list)
    dynamic: Callable[[Recorded], Reply | None] | None = None

    def reply(self, path: str, request: Recorded | None = None) -> Reply:
        queue = self.answers.get(path.split("?")[0])
        if not queue:
            found = self.dynamic(request) if self.dynamic and request else None
            return found or (404, {}, b"no such resource")
        return queue.pop(0) if len(queue) > 1 else queue[0]


@contextmanager
def serve(script: Script) -> Iterator[str]:
    """Serve ``script`` on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            seen = Recorded(self.command, self.path, dict(self.headers), body)
            script.seen.append(seen)
            status, headers, payload = script.reply(self.path, seen)
            tag = headers.get("ETag")
            if tag and status == 200 and self.headers.get("If-None-Match") == tag:
                status, payload = 304, b""
            seen.status = status
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer  # noqa: N815 - the names http.server calls

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
