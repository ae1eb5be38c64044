"""What a failed fetch is, in one sentence: network, DNS, TLS, timeouts, HTTP statuses, and
the wait a busy server asks for (``Retry-After``)."""

from __future__ import annotations

import errno
import socket
import ssl
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from desktop.ingest.fetch import Limits


class FetchError(Exception):
    """A fetch that failed; ``str()`` is one sentence for the Sources panel and the log.

    ``retry_after`` is the wait the server asked for (429/503), in seconds."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def seconds(value: float) -> str:
    return f"{value:g} s"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def explain(exc: Exception, url: str, limits: Limits) -> str:
    """One sentence for a failed request (network, DNS, TLS, timeouts, protocol)."""
    host = httpx.URL(url).host or url
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return (
                f"The secure connection to {host} failed: its certificate could not be "
                f"verified ({cause.verify_message or cause.reason})."
            )
        if isinstance(cause, ssl.SSLError):
            reason = cause.reason or str(cause)
            return f"The secure connection to {host} failed (TLS error: {reason})."
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", -5)):
                return f"Cannot look up {host}: no network or the name server did not answer."
            return f"Cannot find the server {host}: the name does not resolve (DNS lookup failed)."
        if isinstance(cause, ConnectionRefusedError):
            return f"The server {host} refused the connection (nothing is listening there)."
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return f"No network: {host} cannot be reached ({cause.strerror})."
    if isinstance(exc, httpx.ConnectTimeout):
        return f"The server {host} did not answer within {seconds(limits.connect_timeout)}."
    if isinstance(exc, httpx.ReadTimeout):
        return f"{host} stopped sending for {seconds(limits.read_timeout)}; gave up."
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} closed the connection before the response was complete."
    if isinstance(exc, httpx.ConnectError):
        return f"Cannot connect to {host} ({exc})."
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"{url} is not an address Factdesk can fetch ({exc})."
    return f"Fetching {url} failed ({type(exc).__name__}: {exc})."


def http_error(response: httpx.Response, url: str) -> FetchError:
    status = response.status_code
    host = response.url.host
    phrase = response.reason_phrase or "error"
    if status in (429, 503):
        wait = retry_after_seconds(response.headers.get("retry-after"))
        after = f"; it asks to wait {wait:.0f} s" if wait is not None else ""
        return FetchError(
            f"{host} is busy or limiting requests ({status} {phrase}){after}.",
            status=status,
            retry_after=wait,
        )
    if status == 404 or status == 410:
        return FetchError(f"{url} is not there ({status} {phrase}).", status=status)
    if status in (401, 403):
        return FetchError(f"{host} refused access to {url} ({status} {phrase}).", status=status)
    return FetchError(f"{host} answered {status} {phrase} for {url}.", status=status)
