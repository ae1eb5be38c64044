"""Importing files and folders: exact text, metadata, duplicates, and bad files."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from sqlalchemy import select

from db.models import Article
from db.store import Store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from tests.conftest import SEED_FILE, SEEDS

HTML = """<html><head><title>Deal signed | Example News</title>
<meta property="article:published_time" content="2018-10-05T10:00:00Z">
<link rel="canonical" href="https://news.example/s400-signed"></head>
<body><nav>Home | World</nav><article><h1>India and Russia sign S-400 deal</h1>
<p>India and Russia signed a contract for five S-400 air defence regiments in New Delhi
on Friday, officials said after the annual summit between the two leaders.</p>
<p>The deal is worth about 5.4 billion dollars, and deliveries are expected to start
by 2020, according to the officials who briefed reporters.</p></article>
<footer>Copyright</footer></body></html>"""


def articles(store: Store) -> list[Article]:
    with store.session() as session:
        return list(session.scalars(select(Article).order_by(Article.id)))


def test_seed_file_keeps_its_text_exactly_with_date_and_headline(store: Store) -> None:
    report = import_paths(store, [SEED_FILE])
    assert len(report.imported) == 1 and not report.failed
    [article] = articles(store)
    raw = SEED_FILE.read_text(encoding="utf-8")
    assert raw.startswith(" date 2018-06-09 ")
    assert article.text == raw[len(" date 2018-06-09 ") :]
    assert article.published == date(2018, 6, 9)
    assert article.title == (
        "The US is calling on India to reconsider its plan to purchase advanced missiles "
        "from Russia."
    )
    assert article.suggested_by is None


def test_reimporting_the_same_content_imports_nothing_and_says_so(store: Store) -> None:
    first = import_paths(store, [SEEDS])
    again = import_paths(store, [SEEDS])
    assert len(first.imported) == 11
    assert again.imported == [] and len(again.duplicates) == 11
    assert again.summary() == "Imported 0 new articles; 11 already in the store."
    assert len(articles(store)) == 11


def test_folders_recurse_and_each_format_is_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "plain.txt").write_text("Modi met Putin.\nThey talked.\n")
    (tmp_path / "a" / "b" / "note.md").write_text(
        "---\ntitle: Summit notes\ndate: 2018-10-04\n---\n# Heading\n\nPutin arrives in Delhi.\n"
    )
    (tmp_path / "a" / "b" / "page.html").write_text(HTML)
    (tmp_path / "a" / ".hidden.txt").write_text("skip me")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n")
    report = import_paths(store, [tmp_path / "a"])
    assert not report.failed and len(report.imported) == 3
    by_title = {a.title: a for a in articles(store)}
    assert by_title["Modi met Putin."].text == "Modi met Putin.\nThey talked.\n"
    assert by_title["Modi met Putin."].published is None
    note = by_title["Summit notes"]
    assert note.published == date(2018, 10, 4)
    assert note.text == "# Heading\n\nPutin arrives in Delhi.\n"
    page = next(a for a in by_title.values() if a.url)
    assert page.url == "https://news.example/s400-signed"
    assert page.source == "news.example"  # no site name: the URL's host, not the folder "b"
    assert page.published == date(2018, 10, 5)
    assert "signed a contract for five S-400" in page.text
    assert "Copyright" not in page.text and "Home | World" not in page.text


def test_crlf_and_headline_on_its_own_line_are_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"date 2018-10-05\r\nDeal signed\r\n\r\nIndia signed.\r\n")
    import_paths(store, [path])
    [article] = articles(store)
    assert article.text == "Deal signed\r\n\r\nIndia signed.\r\n"
    assert article.title == "Deal signed"
    assert article.published == date(2018, 10, 5)


def test_bad_files_get_one_line_each_and_the_rest_still_imports(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date 2018-10-05 Good one\n\nIndia and Russia signed.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xffPK\x03\x04" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in M\xfcnchen".encode("latin-1"))
    (tmp_path / "sheet.xlsx").write_bytes(b"PK")
    missing = tmp_path / "missing.txt"
    out, err = io.StringIO(), io.StringIO()
    db = tmp_path / "t.db"
    code = run(
        [
            "--db",
            str(db),
            "import",
            str(tmp_path / "empty.txt"),
            str(tmp_path / "binary.txt"),
            str(tmp_path / "good.txt"),
            str(missing),
            str(tmp_path / "latin1.txt"),
            str(tmp_path / "sheet.xlsx"),
        ],
        out,
        err,
    )
    assert code == 1
    lines = err.getvalue().splitlines()
    assert lines == [
        f"{tmp_path / 'empty.txt'}: is empty",
        f"{tmp_path / 'binary.txt'}: is a binary file, not text",
        f"{missing}: does not exist",
        f"{tmp_path / 'latin1.txt'}: is not UTF-8 text (byte 0xe9 at offset 3); "
        "save it as UTF-8 and import it again",
        f"{tmp_path / 'sheet.xlsx'}: has an unsupported type .xlsx; "
        "Factdesk imports .txt, .md and .html files",
    ]
    assert out.getvalue() == "Imported 1 new article; 5 could not be read.\n"


def test_cli_import_of_the_seeds_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "T.db")
    out = io.StringIO()
    assert run(["--db", db, "import", str(SEEDS)], out, io.StringIO()) == 0
    assert out.getvalue() == "Imported 11 new articles.\n"
    out = io.StringIO()
    assert run(["--db", db, "import", str(SEEDS)], out, io.StringIO()) == 0
    assert out.getvalue() == "Imported 0 new articles; 11 already in the store.\n"


def test_utf16_with_bom_is_decoded(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Émigré news 😀\n".encode("utf-16"))
    assert not import_paths(store, [path]).failed
    assert articles(store)[0].text == "Émigré news 😀\n"
