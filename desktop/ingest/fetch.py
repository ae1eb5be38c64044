"""Fetching one web page or feed, politely and within limits, or one sentence saying why not.

Every request names Factdesk and its version in its User-Agent, follows at most
``Limits.max_redirects`` redirects (each hop checked, a loop named as such), reads the body
as a stream and stops past ``Limits.max_bytes``, and has a total deadline for the whole
fetch, redirects included: a server that trickles a byte at a time is cut off when the
deadline passes, not only one that goes quiet (the read timeout). The deadline is kept by a
watchdog that shuts the socket down, so no read can outlive it.

Pages are fetched only where the site's robots.txt (fetched once per site with the same
client, RFC 9309: a missing file allows everything, a failing server nothing) lets
Factdesk in. Feeds the analyst subscribed to are fetched as asked, as feed readers do.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.robotparser import RobotFileParser

import httpx

from desktop.ingest.fetch_errors import FetchError, explain, http_error, seconds
from desktop.ingest.urls import SCHEMES, site_of

AGENT_TOKEN = "Factdesk"


def user_agent() -> str:
    try:
        release = version("factdesk")
    except PackageNotFoundError:
        release = "0+unknown"
    return f"{AGENT_TOKEN}/{release} (desktop news workbench; fetches on its user's request)"


@dataclass(frozen=True)
class Limits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest silence while reading."""
    deadline: float = 60.0
    """Longest whole fetch, redirects included, however the bytes trickle in."""
    max_bytes: int = 10_000_000
    """Largest body read (after decompression); a page or feed is far smaller."""
    max_redirects: int = 5
    robots_max_bytes: int = 500_000


@dataclass(frozen=True)
class Fetched:
    requested: str
    url: str
    """Where the body came from, after redirects."""
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    charset: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _size(n: int) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1_000_000 else f"{n / 1e3:.0f} kB"


class _Watchdog:
    """Shuts down the sockets of one fetch when its deadline passes (see the module doc)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self.fire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's ``trace`` extension: learns each new connection's socket."""
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def fire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


class Fetcher:
    """One HTTP client for a run of fetches (an import, a poll), reading each site's
    robots.txt once. Close it, or use it as a context manager. ``abort`` may be called
    from another thread."""

    def __init__(
        self,
        *,
        limits: Limits | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.limits = limits or Limits()
        lim = self.limits
        # No connection is kept alive between fetches, so that each fetch's watchdog knows
        # every socket it reads from.
        self.client = httpx.Client(
            headers={"User-Agent": user_agent()},
            timeout=httpx.Timeout(
                connect=min(lim.connect_timeout, lim.deadline),
                read=min(lim.read_timeout, lim.deadline),
                write=min(lim.read_timeout, lim.deadline),
                pool=min(lim.connect_timeout, lim.deadline),
            ),
            limits=httpx.Limits(max_keepalive_connections=0),
            follow_redirects=False,
            transport=transport,
            trust_env=False,
        )
        self._robots: dict[str, RobotFileParser | None] = {}
        self._aborted = threading.Event()
        self._watchdogs: set[_Watchdog] = set()

    def abort(self) -> None:
        """Stop the fetch under way (from another thread) and refuse further ones."""
        self._aborted.set()
        for watchdog in list(self._watchdogs):
            watchdog.fire()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool = True,
        accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        max_bytes: int | None = None,
        until: float | None = None,
    ) -> Fetched:
        """GET ``url`` (conditionally, given an ETag or Last-Modified), or raise FetchError.

        ``until`` (a ``time.monotonic()`` value) ends the fetch earlier than the deadline."""
        lim = self.limits
        cap = max_bytes or lim.max_bytes
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if self._aborted.is_set():
            raise FetchError("Cancelled.")
        until = min(until or float("inf"), time.monotonic() + lim.deadline)
        watchdog = _Watchdog(max(0.0, until - time.monotonic()))
        self._watchdogs.add(watchdog)
        current = url
        seen = [url]
        try:
            for _hop in range(lim.max_redirects + 1):
                self._check_scheme(current)
                if robots:
                    self._check_robots(current, until)
                with self.client.stream(
                    "GET", current, headers=headers, extensions={"trace": watchdog.trace}
                ) as response:
                    if response.is_redirect and response.next_request is not None:
                        target = str(response.next_request.url)
                        if target in seen:
                            loop = " → ".join([*seen[seen.index(target) :], target])
                            raise FetchError(f"{url} redirects in a loop ({loop}).")
                        seen.append(target)
                        current = target
                        continue
                    if response.status_code == 304:
                        return self._fetched(url, response, b"")
                    if response.status_code >= 400 or response.is_redirect:
                        raise http_error(response, current)
                    body = self._read(response, cap, until, watchdog)
                    if watchdog.expired:  # a shut socket can look like the end of a body
                        raise self._late(url)
                    return self._fetched(url, response, body)
            raise FetchError(
                f"{url} redirects more than {lim.max_redirects} times; gave up (last: {current})."
            )
        except FetchError:
            if watchdog.expired:
                raise self._late(url) from None
            raise
        except httpx.HTTPError as exc:
            if watchdog.expired:
                raise self._late(url) from exc
            raise FetchError(explain(exc, current, lim)) from exc
        finally:
            watchdog.cancel()
            self._watchdogs.discard(watchdog)

    def _late(self, url: str) -> FetchError:
        if self._aborted.is_set():
            return FetchError("Cancelled.")
        return FetchError(f"{url} did not finish within {seconds(self.limits.deadline)}; gave up.")

    @staticmethod
    def _check_scheme(url: str) -> None:
        scheme = httpx.URL(url).scheme if "://" in url else ""
        if scheme not in SCHEMES:
            raise FetchError(f"Only http and https addresses can be fetched, not {url}.")

    def _read(self, response: httpx.Response, cap: int, until: float, watchdog: _Watchdog) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(
                f"{response.url} is {_size(int(declared))}; Factdesk reads up to {_size(cap)} "
                "from one page or feed."
            )
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > cap:
                raise FetchError(
                    f"{response.url} sent more than {_size(cap)}; Factdesk reads up to "
                    f"{_size(cap)} from one page or feed."
                )
            chunks.append(chunk)
            if time.monotonic() > until:
                watchdog.expired = True
                raise self._late(str(response.request.url))
        return b"".join(chunks)

    @staticmethod
    def _fetched(requested: str, response: httpx.Response, body: bytes) -> Fetched:
        declared = response.headers.get("content-type", "")
        return Fetched(
            requested=requested,
            url=str(response.url),
            status=response.status_code,
            body=body,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=declared.split(";")[0].strip().lower(),
            charset=response.charset_encoding,
        )

    # ----- robots.txt ------------------------------------------------------------------
    def allowed(self, url: str, until: float | None = None) -> bool:
        """Whether the site's robots.txt lets Factdesk fetch ``url`` (reads it once)."""
        parser = self._robots_for(url, until)
        return parser is None or parser.can_fetch(AGENT_TOKEN, url)

    def _check_robots(self, url: str, until: float) -> None:
        if not self.allowed(url, until):
            raise FetchError(
                f"The robots.txt of {httpx.URL(url).host} does not allow Factdesk to fetch {url}."
            )

    def _robots_for(self, url: str, until: float | None) -> RobotFileParser | None:
        site = site_of(url)
        if site in self._robots:
            return self._robots[site]
        parser: RobotFileParser | None = RobotFileParser(site + "/robots.txt")
        assert parser is not None
        try:
            got = self.get(
                site + "/robots.txt",
                robots=False,
                accept="text/plain,*/*;q=0.5",
                max_bytes=self.limits.robots_max_bytes,
                until=until,
            )
            parser.parse(got.body.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                parser = None  # no robots.txt: everything is allowed
            elif exc.status is not None:
                parser.parse(["User-agent: *", "Disallow: /"])  # RFC 9309: stay out
            else:
                raise  # the site cannot be reached: the page could not be either
        self._robots[site] = parser
        return parser
