"""The analyst's search language: plain words and names never fail; operators still work;
a query that can find nothing says why; an opened result knows where it matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db.errors import StoreError
from db.fts import count_matches, matched_spans, search
from db.search_query import QueryError, fts5_query
from db.store import Store
from desktop.ingest.importer import import_paths

ARTICLES = {
    "a.txt": "date 2018-10-05 Deal signed\n\nIndia signed the S-400 contract with Russia.",
    "b.txt": "date 2018-10-06 Fighters\n\nThe F-16 and the MiG-29 met over the sea.",
    "c.txt": "date 2018-10-07 Virus\n\nCOVID-19 cases rose; the U.S. and O'Brien's team replied.",
    "d.txt": "date 2018-10-08 Systems\n\nThe S-300 and 400 other systems were delivered.",
    "e.txt": "date 2018-10-09 Talks\n\nDelivery talks on the contract went on in Moscow.",
}
pytestmark = pytest.mark.both_backends


@pytest.fixture
def archive(store: Store, tmp_path: Path) -> Store:
    for name, body in ARTICLES.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    import_paths(store, [tmp_path / n for n in ARTICLES])
    return store


def titles(store: Store, query: str) -> set[str]:
    with store.engine.connect() as conn:
        return {hit.title for hit in search(conn, query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("S-400", {"Deal signed"}),
        ("F-16", {"Fighters"}),
        ("MiG-29", {"Fighters"}),
        ("COVID-19", {"Virus"}),
        ("U.S.", {"Virus"}),
        ("O'Brien", {"Virus"}),
        ("s-400 contract", {"Deal signed"}),
        ('"signed the S-400"', {"Deal signed"}),
        ("contract NOT India", {"Talks"}),
        ("S-300 OR F-16", {"Systems", "Fighters"}),
        ("deliv*", {"Systems", "Talks"}),
        ("(contract OR fighters) AND Moscow", {"Talks"}),
        ("sign", {"Deal signed"}),  # stems: sign finds signed
    ],
)
def test_names_and_operators_find_their_articles(
    archive: Store, query: str, expected: set[str]
) -> None:
    assert titles(archive, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"S-400 contract', {"Deal signed"}),  # the open quote is closed at the end
        ("contract AND (India", {"Deal signed"}),
        ("contract)", {"Deal signed", "Talks"}),
        ("contract AND", {"Deal signed", "Talks"}),
        ("MiG:29", {"Fighters"}),
        ("sea^ F+16", {"Fighters"}),
    ],
)
def test_unbalanced_or_odd_queries_are_read_as_meant(
    archive: Store, query: str, expected: set[str]
) -> None:
    assert titles(archive, query) == expected
    with archive.engine.connect() as conn:
        assert count_matches(conn, query) == len(expected)


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("NOT contract", "only says what to leave out"),
        ("-- ! ...", "has no word to look for"),
        ("contract OR NOT India", "only says what to leave out"),
    ],
)
def test_a_query_that_can_find_nothing_says_why(archive: Store, query: str, says: str) -> None:
    with archive.engine.connect() as conn, pytest.raises(QueryError) as raised:
        search(conn, query)
    assert says in str(raised.value)
    assert isinstance(raised.value, StoreError)  # the window shows it as a sentence


def test_every_term_is_quoted_so_no_word_is_an_operator_or_column() -> None:
    assert fts5_query("S-400") == '"S 400"'
    assert fts5_query("near:by deliv*") == '("near by" AND "deliv"*)'
    assert fts5_query("a NOT NOT b") == '("a" AND "b")'


def test_matched_spans_point_at_the_matched_words(archive: Store) -> None:
    with archive.engine.connect() as conn:
        hit = next(h for h in search(conn, "S-400 sign") if h.title == "Deal signed")
        spans = matched_spans(conn, "S-400 sign", hit.article_id)
        body = conn.execute(
            text("SELECT text FROM article WHERE id = :id"), {"id": hit.article_id}
        ).scalar_one()
    assert [body[s:e] for s, e in spans] == ["signed", "signed", "S-400"]  # headline, body


@pytest.mark.parametrize(
    ("query", "expected", "marked"),
    [
        ("Erdogan", {"Ankara", "Ankara again"}, "Erdoğan"),
        ("Erdoğan", {"Ankara", "Ankara again"}, "Erdoğan"),
        ("ERDOĞAN", {"Ankara", "Ankara again"}, "Erdoğan"),
        ("cafe", {"Ankara"}, "café"),
        ('"Muller met"', {"Ankara again"}, "Müller met"),
        ("Müller", {"Ankara again"}, "Müller"),
    ],
)
def test_search_folds_accents_both_ways(
    store: Store, tmp_path: Path, query: str, expected: set[str], marked: str
) -> None:
    """A name written with or without its accents finds both spellings, and an opened
    result marks the word as the article writes it."""
    (tmp_path / "a.txt").write_text(
        "date 2018-10-05 Ankara\n\nErdoğan spoke at a café.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "date 2018-10-06 Ankara again\n\nErdogan said Müller met him.", encoding="utf-8"
    )
    import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert titles(store, query) == expected
    with store.engine.connect() as conn:
        first = min(hit.article_id for hit in search(conn, query))
        body = str(
            conn.execute(
                text("SELECT text FROM article WHERE id = :id"), {"id": first}
            ).scalar_one()
        )
        assert [body[s:e] for s, e in matched_spans(conn, query, first)] == [marked]
