"""Web addresses: telling a URL from a path, and the key that makes two addresses one article.

``url_key`` is what de-duplication compares: courlan (trafilatura's own URL library) drops
tracking parameters (``utm_*``, ``fbclid``, ``ref``…), sorts the query and lower-cases the
host; on top of that the key ignores the scheme, a leading ``www.``, the fragment and a
trailing slash, which do not name a different article on a news site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from courlan import normalize_url, scrub_url

SCHEMES = ("http", "https")


def is_url(text: str) -> bool:
    """An http(s) address (what ``factdesk import`` fetches rather than opens as a file)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def host_of(url: str) -> str:
    """The host name, lower case, without ``www.`` (an outlet's name when it gives none)."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def site_of(url: str) -> str:
    """``scheme://host[:port]``: where robots.txt lives and what the interval applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def clean(url: str) -> str:
    """The address as Factdesk stores it: trackers and fragment gone, otherwise as given."""
    try:
        return normalize_url(scrub_url(url.strip()), strict=False, trailing_slash=True).split(
            "#", 1
        )[0]
    except ValueError:
        return url.strip()


def url_key(url: str) -> str:
    """The de-duplication key of an address (see the module docstring)."""
    parts = urlsplit(clean(url))
    host = (parts.netloc or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")
