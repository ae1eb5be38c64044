"""Exports and interchange: CSV that reads back exactly, JSONL/W3C round trips with
re-anchoring, spaCy training data, backup and restore."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Mention, MentionState
from db.store import Store, open_store
from db.suggestions import ArticleSuggestions, SpanSuggestion, store_suggestions
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.tracking.decisions import decide_mention
from desktop.tracking.facts import FactDraft, RoleValue, create_fact

pytestmark = pytest.mark.both_backends

TRICKY = (
    '=HYPERLINK("http://evil") opens, then "Modi" said:\n+91 calls, -5% and @Putin 😀 '
    "in New Delhi, e\u0301tude.\r\nRussia signed."
)
WORDS = ["=HYPERLINK", "Modi", "+91", "-5%", "@Putin", "😀", "New Delhi", "e\u0301tude", "Russia"]


@pytest.fixture
def tricky(store: Store, tmp_path: Path) -> tuple[Store, int]:
    path = tmp_path / "tricky.txt"
    path.write_bytes(("date 2018-10-05 " + TRICKY).encode())
    [(_, aid)] = import_paths(store, [path]).imported
    spans = [SpanSuggestion(TRICKY.index(w), TRICKY.index(w) + len(w), w, "MISC") for w in WORDS]
    with store.engine.begin() as conn:
        store_suggestions(conn, items=[ArticleSuggestions(aid, spans)], origin="model:test@1")
    with store.session() as session:
        ids = list(session.scalars(select(Mention.id).order_by(Mention.start)))
    for mid in ids[:-1]:
        decide_mention(store, mention_id=mid, state=MentionState.ACCEPTED, who="ana")
    create_fact(
        store,
        draft=FactDraft(aid, 0, 30, kind="statement", predicate="=cmd|' /C calc'!A0",
                        roles={"subject": RoleValue(literal="@Putin, \"quoted\"\nline")}),
        who="ana",
    )  # fmt: skip
    return store, aid


def cli(db: Path | str, *args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert run(["--db", str(db), *args], out, err) == 0, err.getvalue()
    return out.getvalue()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_reads_back_the_stored_values(
    tricky: tuple[Store, int], store_url: str, tmp_path: Path
) -> None:
    store, aid = tricky
    cli(store_url, "export", "mentions", "--state", "all", "-o", str(tmp_path / "raw.csv"), "--raw")
    cli(store_url, "export", "mentions", "--state", "all", "-o", str(tmp_path / "safe.csv"))
    raw, safe = read_csv(tmp_path / "raw.csv"), read_csv(tmp_path / "safe.csv")
    with store.session() as session:
        stored = list(session.scalars(select(Mention).order_by(Mention.start)))
    assert [r["text"] for r in raw] == [m.text for m in stored] == WORDS
    assert [(int(r["start"]), int(r["end"])) for r in raw] == [(m.start, m.end) for m in stored]
    assert {r["article_title"] for r in raw} == {TRICKY.splitlines()[0]}
    for r, m in zip(safe, stored, strict=True):
        expected = "'" + m.text if m.text[0] in "=+-@" else m.text
        assert r["text"] == expected
        assert r["start"] == str(m.start) and r["article_id"] == str(aid)
        assert r["state"] == m.state
    assert safe[0]["article_title"].startswith("'=HYPERLINK")


def test_facts_csv_flattens_roles_and_neutralises(
    tricky: tuple[Store, int], store_url: str, tmp_path: Path
) -> None:
    cli(store_url, "export", "facts", "-o", str(tmp_path / "f.csv"), "--excel")
    data = (tmp_path / "f.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    [row] = read_csv(tmp_path / "f.csv")
    assert row["predicate"] == "'=cmd|' /C calc'!A0"
    assert row["role_subject"] == '\'@Putin, "quoted"\nline'
    assert row["subject"] == row["role_subject"]
    assert row["confidence"] == "1.0" and row["article_date"] == "2018-10-05"


def test_filters(tricky: tuple[Store, int], store_url: str, tmp_path: Path) -> None:
    target = tmp_path / "m.csv"
    cli(store_url, "export", "mentions", "--state", "suggested", "-o", str(target))
    assert [r["text"] for r in read_csv(target)] == ["Russia"]
    cli(
        store_url,
        "export",
        "mentions",
        "--state",
        "accepted,corrected",
        "--label",
        "MISC",
        "-o",
        str(target),
    )
    assert len(read_csv(target)) == len(WORDS) - 1
    cli(
        store_url, "export", "mentions", "--state", "all", "--from", "2019-01-01", "-o", str(target)
    )
    assert read_csv(target) == []
    out = cli(store_url, "export", "entities", "-o", "-")
    entities = list(csv.DictReader(io.StringIO(out)))
    modi = next(e for e in entities if e["name"] == "Modi")
    cli(store_url, "export", "mentions", "--entity", modi["id"], "-o", str(target))
    assert [r["text"] for r in read_csv(target)] == ["Modi"]
    assert modi["aliases"] == "Modi" and modi["mentions"] == "1"


def test_jsonl_round_trip_with_reanchoring_and_orphans(
    tricky: tuple[Store, int], store_url: str, tmp_path: Path
) -> None:
    _store, _aid = tricky
    cli(store_url, "export", "mentions", "--format", "jsonl", "-o", str(tmp_path / "s.jsonl"))
    [record] = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert record["text"] == TRICKY
    assert len(record["spans"]) == len(WORDS) - 1, "suggestions stay out by default"
    assert all(TRICKY[s["start"] : s["end"]] == s["text"] for s in record["spans"])

    # The same article, in another store, edited: text inserted before, one quote removed.
    other = tmp_path / "other.sqlite3"
    edited = "UPDATE: " + TRICKY.replace("@Putin", "Putin")
    (tmp_path / "e.txt").write_text("date 2018-10-05 " + edited, encoding="utf-8", newline="")
    second = open_store(other)
    [(_, new_id)] = import_paths(second, [tmp_path / "e.txt"]).imported
    second.close()
    record["meta"]["id"] = new_id
    (tmp_path / "s2.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    said = cli(other, "import-annotations", str(tmp_path / "s2.jsonl"))
    assert said.startswith(
        f"Attached {len(WORDS) - 2} spans ({len(WORDS) - 2} re-anchored by their quote)"
    )
    assert "1 orphaned" in said and "“@Putin”" in said
    check = open_store(other)
    with check.session() as session:
        moved = list(session.scalars(select(Mention)))
    check.close()
    assert all(edited[m.start : m.end] == m.text for m in moved)
    assert "Putin" not in {m.text for m in moved}
    assert cli(other, "import-annotations", str(tmp_path / "s2.jsonl")).startswith(
        "Attached 0 spans"
    )


def test_w3c_export_has_the_selectors_and_imports_back(
    tricky: tuple[Store, int], store_url: str, tmp_path: Path
) -> None:
    store, _aid = tricky
    cli(
        store_url,
        "export",
        "mentions",
        "--format",
        "w3c",
        "--state",
        "all",
        "-o",
        str(tmp_path / "w.json"),
    )
    data = json.loads((tmp_path / "w.json").read_text())
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(WORDS) + 1
    for item in data["first"]["items"]:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:factdesk:")
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        assert isinstance(quote["exact"], str) and {"prefix", "suffix"} <= set(quote)
        assert isinstance(position["start"], int) and isinstance(position["end"], int)
        assert TRICKY[position["start"] : position["end"]] == quote["exact"]
        assert quote["prefix"] == TRICKY[max(0, position["start"] - 32) : position["start"]]
    assert {i["motivation"] for i in data["first"]["items"]} == {"tagging", "describing"}
    with store.engine.begin() as conn:
        conn.execute(Mention.__table__.delete())  # type: ignore[attr-defined]
    said = cli(store_url, "import-annotations", str(tmp_path / "w.json"))
    assert said.startswith(f"Attached {len(WORDS)} spans (0 re-anchored")


@pytest.mark.model
def test_spacy_training_runs_on_an_exported_docbin(
    seeded: Store, store_url: str, tmp_path: Path
) -> None:
    with seeded.session() as session:
        ids = list(session.scalars(select(Mention.id).where(Mention.label.in_(["GPE", "PERSON"]))))  # type: ignore[attr-defined]
    for mid in ids:
        decide_mention(seeded, mention_id=mid, state=MentionState.ACCEPTED, who="ana")
    data = tmp_path / "train.spacy"
    cli(store_url, "export", "mentions", "--format", "spacy", "-o", str(data))
    config = tmp_path / "config.cfg"
    python = sys.executable
    init = [
        python,
        "-m",
        "spacy",
        "init",
        "config",
        str(config),
        "--lang",
        "en",
        "--pipeline",
        "ner",
        "--force",
    ]
    subprocess.run(init, check=True, capture_output=True, timeout=300)
    result = subprocess.run(
        [python, "-m", "spacy", "train", str(config), "--output", str(tmp_path / "out"),
         "--paths.train", str(data), "--paths.dev", str(data),
         "--training.max_steps", "4", "--training.eval_frequency", "2"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "out" / "model-last" / "meta.json").exists()
    import spacy
    from spacy.tokens import DocBin

    docs = list(DocBin().from_disk(data).get_docs(spacy.blank("en").vocab))
    assert {e.label_ for d in docs for e in d.ents} == {"GPE", "PERSON"}
    assert sum(len(d.ents) for d in docs) >= 0.9 * len(ids)


def test_backup_while_open_and_restore(
    tricky: tuple[Store, int], db_path: Path, store_url: str, tmp_path: Path
) -> None:
    store, _aid = tricky
    if not store_url.startswith("sqlite"):
        out, err = io.StringIO(), io.StringIO()
        assert run(["--db", store_url, "db", "backup", str(tmp_path / "b")], out, err) == 2
        assert err.getvalue().endswith(
            "Backups are for SQLite stores; use pg_dump for PostgreSQL.\n"
        )
        return
    held = sqlite3.connect(db_path)
    held.execute("BEGIN")
    held.execute("SELECT count(*) FROM mention").fetchone()
    said = cli(db_path, "db", "backup", str(tmp_path / "b.sqlite3"))
    held.rollback()
    held.close()
    assert said.startswith("Backed up") and (tmp_path / "b.sqlite3").exists()
    with store.engine.begin() as conn:
        conn.execute(Mention.__table__.delete())  # type: ignore[attr-defined]
    said = cli(db_path, "db", "restore", str(tmp_path / "b.sqlite3"))
    assert "the previous content is in" in said
    back = open_store(db_path)
    with back.session() as session:
        assert len(list(session.scalars(select(Mention)))) == len(WORDS)
    back.close()
    safety = Path(said.rsplit(" ", 1)[1].rstrip(".\n"))
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT count(*) FROM mention").fetchone() == (0,)
    (tmp_path / "junk.sqlite3").write_text("junk")
    out, err = io.StringIO(), io.StringIO()
    assert (
        run(["--db", str(db_path), "db", "restore", str(tmp_path / "junk.sqlite3")], out, err) == 2
    )
    assert "is not a Factdesk backup" in err.getvalue()
