"""A small web site on loopback for the source tests: pages and feeds written for the tests,
and the hostile servers (endless, trickling, looping, failing) a real one can be.

Every request is logged, so a test can tell what Factdesk fetched and with which headers.
Handlers that hold a connection open stop when ``release`` is set (at teardown at the
latest); nothing here sleeps for a fixed time on the test's behalf.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[Hit] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        web = self

        class _Request(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with web._lock:
                    web.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}))
                path = self.path.split("?", 1)[0]
                handler = web.routes.get(self.path) or web.routes.get(path)
                if handler is None:
                    web._send(self, 404, b"not here", "text/plain")
                    return
                with suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Request)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def forget(self) -> None:
        with self._lock:
            self.hits.clear()

    @staticmethod
    def _send(
        req: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        req.send_response(status)
        req.send_header("Content-Type", content_type)
        req.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            req.send_header(key, value)
        req.end_headers()
        req.wfile.write(body)

    # ----- routes ---------------------------------------------------------------------------
    def serve(
        self,
        path: str,
        body: str | bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        etag: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        """A fixed response; with ``etag``, a request naming it gets 304 Not Modified."""
        data = body.encode("utf-8") if isinstance(body, str) else body

        def handler(req: BaseHTTPRequestHandler) -> None:
            extra = dict(headers or {})
            if etag is not None:
                extra["ETag"] = etag
                if req.headers.get("If-None-Match") == etag:
                    req.send_response(304)
                    req.send_header("ETag", etag)
                    req.send_header("Content-Length", "0")
                    req.end_headers()
                    return
            self._send(req, status, data, content_type, extra)

        self.routes[path] = handler

    def feed(self, path: str, xml: str, *, etag: str | None = None) -> None:
        self.serve(path, xml, content_type="application/rss+xml; charset=utf-8", etag=etag)

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        def handler(req: BaseHTTPRequestHandler) -> None:
            self._send(req, status, b"", "text/plain", {"Location": to})

        self.routes[path] = handler

    def endless(self, path: str, declared: int | None = None, total: int = 50_000_000) -> None:
        """``total`` bytes of HTML (50 MB by default), with or without a Content-Length."""

        def handler(req: BaseHTTPRequestHandler) -> None:
            req.send_response(200)
            req.send_header("Content-Type", "text/html")
            if declared is not None:
                req.send_header("Content-Length", str(declared))
            else:
                req.send_header("Connection", "close")
            req.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            sent = 0
            while sent < total and not self.release.is_set():
                req.wfile.write(chunk)
                sent += len(chunk)

        self.routes[path] = handler

    def trickle(
        self, path: str, every: float, headers_too: bool = False, sized: bool = True
    ) -> None:
        """A page that never finishes: a byte every ``every`` seconds (well inside any read
        timeout), in the body or, with ``headers_too``, already in the headers. An unsized
        body (no Content-Length) ends only when the connection does."""

        def handler(req: BaseHTTPRequestHandler) -> None:
            if headers_too:
                req.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while not self.release.wait(every):
                    req.wfile.write(b"X-Slow: y\r\n")
                    req.wfile.flush()
                return
            req.send_response(200)
            req.send_header("Content-Type", "text/html")
            if sized:
                req.send_header("Content-Length", "10000000")
            else:
                req.send_header("Connection", "close")
            req.end_headers()
            req.wfile.write(b"<html><body><p>")
            req.wfile.flush()
            while not self.release.wait(every):
                req.wfile.write(b"a")
                req.wfile.flush()

        self.routes[path] = handler

    def custom(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler


@contextmanager
def local_web() -> Iterator[LocalWeb]:
    web = LocalWeb()
    web.thread.start()
    try:
        yield web
    finally:
        web.release.set()
        web.server.shutdown()
        web.server.server_close()
        web.thread.join(timeout=30)
