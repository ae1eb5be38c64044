"""Full-text search over articles on PostgreSQL: the same analyst query language as FTS5.

``article.search`` is a stored generated ``tsvector`` (migration 0004) with a GIN index,
built with the ``factdesk`` text search configuration: English stems and no stop words,
like FTS5's porter tokenizer. The text is first cut at every character that is not a
letter or digit (``S-400`` → ``S 400``, ``U.S.`` → ``U S``, ``9/11`` → ``9 11``), as
FTS5's unicode61 tokenizer cuts it, since PostgreSQL's own parser would keep ``-400`` or
``U.S`` as one token and ``S-400`` would not be found as the analyst writes it.

Ranks are ``-ts_rank_cd``, so that lower is better as with FTS5's bm25. Snippets and the
marked words of an opened result are made here from the article's text and the query's
lexemes (``ts_headline`` parses the text its own way and would miss ``S-400``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Connection, text

from db.search_query import Node, Term, terms, to_tsquery

CONFIG = "factdesk"
_WORD = re.compile(r"\w+", re.UNICODE)
_QUERY = f"to_tsquery('{CONFIG}', :q)"
SNIPPET_WORDS = 12


def count_matches(conn: Connection, node: Node, *, at_most: int | None = None) -> int:
    """How many articles match; with ``at_most``, no more than ``at_most + 1`` are counted.
    The GIN index finds the matches, but each is then read from the table (an exact count
    of a word in every article reads all of it: 120-240 ms at 100,000 articles), where
    the capped count stops at the ``at_most + 1``-th."""
    sql = f"SELECT count(*) FROM article WHERE search @@ {_QUERY}"
    params: dict[str, object] = {"q": to_tsquery(node)}
    if at_most is not None:
        sql = f"SELECT count(*) FROM (SELECT 1 FROM article WHERE search @@ {_QUERY} LIMIT :n) m"
        params["n"] = at_most + 1
    return int(conn.execute(text(sql), params).scalar_one())


def search_page(
    conn: Connection, node: Node, *, limit: int, offset: int, ranked: bool
) -> list[tuple[int, str, date | None, str, float, str | None]]:
    """(id, title, published, snippet, rank, source) of one page of hits."""
    score = f"-ts_rank_cd(search, {_QUERY})" if ranked else "0.0"
    order = "score, id DESC" if ranked else "id DESC"
    sql = (
        "SELECT a.id, a.title, a.published, a.text, hit.score, a.source FROM ("
        f"SELECT id, {score} AS score FROM article WHERE search @@ {_QUERY} "
        f"ORDER BY {order} LIMIT :limit OFFSET :offset"
        f") AS hit JOIN article a ON a.id = hit.id ORDER BY {order.replace('id', 'a.id')}"
    )
    params = {"q": to_tsquery(node), "limit": limit, "offset": offset}
    rows = conn.execute(text(sql), params).all()
    keys = _lexemes(conn, {w for r in rows for w in _WORD.findall(r[3])} | _query_words(node))
    return [
        (r[0], r[1], r[2], _snippet(r[3], _spans(r[3], node, keys)), float(r[4]), r[5])
        for r in rows
    ]


def rank_among(conn: Connection, node: Node, article_ids: Sequence[int]) -> dict[int, float]:
    sql = (
        f"SELECT id, -ts_rank_cd(search, {_QUERY}) FROM article "
        f"WHERE search @@ {_QUERY} AND id = ANY(:ids)"
    )
    rows = conn.execute(text(sql), {"q": to_tsquery(node), "ids": [int(i) for i in article_ids]})
    return {int(r[0]): float(r[1]) for r in rows}


def ranked_published_between(
    conn: Connection, node: Node, *, after: date, as_of: date, limit: int
) -> dict[int, float]:
    sql = (
        f"SELECT id, -ts_rank_cd(search, {_QUERY}) AS rank FROM article "
        f"WHERE search @@ {_QUERY} AND published > :after AND published <= :as_of "
        "ORDER BY rank, id LIMIT :limit"
    )
    params = {"q": to_tsquery(node), "after": after, "as_of": as_of, "limit": limit}
    return {int(aid): float(rank) for aid, rank in conn.execute(text(sql), params).all()}


def matched_spans(conn: Connection, node: Node, article_id: int) -> list[tuple[int, int]]:
    sql = f"SELECT text FROM article WHERE id = :id AND search @@ {_QUERY}"
    body = conn.execute(text(sql), {"id": article_id, "q": to_tsquery(node)}).scalar()
    if body is None:
        return []
    keys = _lexemes(conn, set(_WORD.findall(body)) | _query_words(node))
    return _spans(body, node, keys)


def _query_words(node: Node) -> set[str]:
    return {w for t in terms(node) for w in t.words}


def _lexemes(conn: Connection, words: Iterable[str]) -> dict[str, str]:
    """Each word as the index stores it (its lexemes under the ``factdesk`` configuration)."""
    unique = sorted(set(words))
    if not unique:
        return {}
    sql = (
        "SELECT w, array_to_string(tsvector_to_array("
        f"to_tsvector('{CONFIG}', w)), ' ') FROM unnest(CAST(:words AS text[])) AS w"
    )
    return {w: key or "" for w, key in conn.execute(text(sql), {"words": unique}).all()}


def _spans(body: str, node: Node, keys: dict[str, str]) -> list[tuple[int, int]]:
    """``[start, end)`` of each place a term (not under NOT) matches, a phrase as one span,
    as FTS5's ``highlight`` marks them, in the order of the text."""
    tokens = [(m.start(), m.end(), keys.get(m.group(), "")) for m in _WORD.finditer(body)]
    found: set[tuple[int, int]] = set()
    for term in terms(node):
        wanted = [keys.get(w, "") for w in term.words]
        if not all(wanted):
            continue
        for i in range(len(tokens) - len(wanted) + 1):
            if all(_fits(tokens[i + j][2], key, term, j) for j, key in enumerate(wanted)):
                found.add((tokens[i][0], tokens[i + len(wanted) - 1][1]))
    return _merged(sorted(found))


def _fits(token_key: str, key: str, term: Term, j: int) -> bool:
    if term.prefix and j == len(term.words) - 1:
        return token_key.startswith(key)
    return token_key == key


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _snippet(body: str, spans: list[tuple[int, int]]) -> str:
    """About ``SNIPPET_WORDS`` words around the first match, matches in [brackets] and
    '…' where the text was cut, as FTS5's ``snippet`` writes them."""
    words = list(_WORD.finditer(body))
    if not words:
        return ""
    first = spans[0][0] if spans else 0
    at = next((i for i, m in enumerate(words) if m.end() > first), 0)
    lo = max(0, min(at - 2, len(words) - SNIPPET_WORDS))
    hi = min(len(words), lo + SNIPPET_WORDS)
    start, end = words[lo].start(), words[hi - 1].end()
    out, pos = [], start
    for s, e in spans:
        if s >= start and e <= end:
            out += [body[pos:s], "[", body[s:e], "]"]
            pos = e
    out.append(body[pos:end])
    return ("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(words) else "")
