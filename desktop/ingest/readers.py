"""Reading one article file into text and metadata, or a one-sentence reason it cannot be read.

The text an article gets is kept exactly (line ends included): highlight offsets point
into it. Only a leading ``date YYYY-MM-DD`` marker line (the seed format) is taken off,
since it is metadata rather than prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.limits import MAX_ARTICLE_CHARS, MAX_FILE_BYTES

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}

TITLE_CHARS = 300

_DATE_LINE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


class ReadError(Exception):
    """A file that cannot be imported; ``str()`` is the reason, fit for one line."""


@dataclass(frozen=True)
class ParsedArticle:
    text: str
    title: str
    published: date | None
    source: str
    url: str | None = None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(f"is marked UTF-16 but is not valid UTF-16 ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise ReadError("is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 and import it again"
        ) from exc


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_CHARS]
    return ""


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def parse_text(raw: str, source: str) -> ParsedArticle:
    """Plain text, optionally opening with the seed's ``date YYYY-MM-DD [headline]`` line."""
    published = None
    match = _DATE_LINE.match(raw)
    if match:
        published = _parse_date(match.group(1))
        if published is None:
            raise ReadError(f"has an impossible date {match.group(1)!r} on its first line")
        raw = raw[match.end() :]
        if not raw[: raw.find("\n") if "\n" in raw else len(raw)].strip():
            raw = raw.lstrip("\r\n")
    return ParsedArticle(text=raw, title=_first_line(raw), published=published, source=source)


def parse_markdown(raw: str, source: str) -> ParsedArticle:
    """Markdown kept as written; title from front matter or the first heading."""
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(raw)
    if front:
        for line in front.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        raw = raw[front.end() :]
    parsed = parse_text(raw, source)
    heading = _MD_HEADING.search(parsed.text)
    title = meta.get("title") or (heading.group(1).strip() if heading else parsed.title)
    published = parsed.published or _parse_date(meta.get("date", ""))
    return ParsedArticle(
        text=parsed.text,
        title=title[:TITLE_CHARS],
        published=published,
        source=meta.get("source", source),
        url=meta.get("url"),
    )


def parse_html(raw: str, source: str, url: str | None = None) -> ParsedArticle:
    """Body, title, date and canonical URL extracted with trafilatura (nothing is fetched).
    The source is the page's site name, else its URL's host, else ``source``."""
    from desktop.ingest.pages import extract_page
    from desktop.ingest.urls import host_of

    page = extract_page(raw, url)
    if page is None:
        raise ReadError("has no readable article text in its HTML")
    url = page.canonical_url or url
    return ParsedArticle(
        text=page.text,
        title=page.title,
        published=page.published,
        source=page.sitename or (host_of(url) if url else "") or source,
        url=url,
    )


def read_article(path: Path) -> ParsedArticle:
    """Read one file, or raise ReadError saying why it cannot be imported."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReadError("does not exist")
    if not path.is_file():
        raise ReadError("is not a regular file")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(
            f"has an unsupported type {suffix or '(no extension)'}; "
            "Factdesk imports .txt, .md and .html files"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"is {size / 1e6:.0f} MB; Factdesk imports files up to "
                f"{MAX_FILE_BYTES / 1e6:.0f} MB (split it into articles)"
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise ReadError("cannot be read (permission denied)") from exc
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise ReadError("is empty")
    raw = _decode(data)
    source = path.parent.name or "file"
    if suffix in {".html", ".htm"}:
        parsed = parse_html(raw, source)
    elif suffix in {".md", ".markdown"}:
        parsed = parse_markdown(raw, source)
    else:
        parsed = parse_text(raw, source)
    if not parsed.text.strip():
        raise ReadError("has no text after its date line")
    if len(parsed.text) > MAX_ARTICLE_CHARS:
        raise ReadError(
            f"has {len(parsed.text):,} characters; an article may have up to "
            f"{MAX_ARTICLE_CHARS:,} (split it into several files)"
        )
    return parsed
