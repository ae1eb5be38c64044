"""The CSV exports an analyst opens in a spreadsheet (issue 15, item 8): facts carry their
time as dates (``time_start``, ``time_end``) beside the value, the subject and object the
window shows, evidence on one line (``--multiline`` keeps the breaks), and columns only
for the roles in use; follow-ups name the article that settled them, with its date."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from db.exports import ExportFilter, export_csv
from db.facts import facts_for_article
from db.models import Fact, FollowUp
from db.store import Store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.tracking import followups as lifecycle
from desktop.tracking.export import export_table
from desktop.tracking.facts import FactDraft, RoleValue, create_fact

pytestmark = pytest.mark.both_backends
TEXT = "date 2018-06-09 Deal\n\nIndia will sign the S-400 contract\nwith Russia in October.\n"


def rows(store: Store, table: str, **filters: object) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_csv(store.engine, table, out, filters=ExportFilter(**filters))  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_facts_csv_columns(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    stored = TEXT.removeprefix("date 2018-06-09 ")
    start, end = stored.index("India"), stored.index("October.") + len("October.")
    fact = create_fact(
        store,
        draft=FactDraft(
            article, start, end, kind="expectation", predicate="sign", time_value="2018-10",
            roles={"buyer": RoleValue(name="India", type_="GPE"),
                   "item": RoleValue(literal="S-400")},
        ),
        who="ana",
    )  # fmt: skip
    [row] = rows(store, "facts")
    assert (row["time"], row["time_start"], row["time_end"]) == (
        "2018-10",
        "2018-10-01",
        "2018-10-31",
    )
    assert row["evidence_quote"] == "India will sign the S-400 contract with Russia in October."
    [shown] = facts_for_article(store.engine.connect(), article_id=article)
    assert (row["subject"], row["object"]) == (shown.subject, shown.object) == ("India", "S-400")
    roles = sorted(k for k in row if k.startswith("role_"))
    assert roles == ["role_buyer", "role_buyer_entity_ids", "role_item"]

    out = tmp_path / "f.csv"
    args = ["--db", str(store.url.removeprefix("sqlite:///")), "export", "facts", "-o", str(out)]
    assert run([*args, "--multiline"], io.StringIO(), io.StringIO()) == 0
    [multi] = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert multi["evidence_quote"] == "India will sign the S-400 contract\nwith Russia in October."
    assert fact.id is not None


def test_followups_csv_names_the_settling_article(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text("date 2018-10-05 Signed\n\nIndia and Russia signed.\n")
    [(_, first), (_, second)] = import_paths(
        store, [tmp_path / "a.txt", tmp_path / "b.txt"]
    ).imported
    fact = create_fact(
        store, draft=FactDraft(first, 0, 4, kind="expectation", predicate="sign"), who="ana"
    )
    assert fact.id is not None
    followup = lifecycle.create_followup(
        store, fact_id=fact.id, question="Signed?", who="ana", due_end=date(2018, 10, 31)
    )
    assert followup.id is not None
    lifecycle.resolve(
        store, followup_id=followup.id, state=lifecycle.FollowUpState.HAPPENED, who="ana",
        evidence=lifecycle.SettlingEvidence(article_id=second),
    )  # fmt: skip
    [row] = rows(store, "followups")
    assert (row["evidence_article_id"], row["evidence_title"], row["evidence_date"]) == (
        str(second),
        "Signed",
        "2018-10-05",
    )
    assert "resolving_evidence" not in row


def test_the_facts_csv_names_who_wrote_or_confirmed_each_fact(store: Store, tmp_path: Path) -> None:
    """Ana drafts one fact; the model drafts an expectation whose follow-up Rita confirms:
    the file says so in an analyst column (on PostgreSQL without roles the app's names;
    with roles the logins, tests/db/test_team_rules.py)."""
    (tmp_path / "a.txt").write_text(TEXT)
    [(_, article)] = import_paths(store, [tmp_path / "a.txt"]).imported
    drafted = create_fact(store, draft=FactDraft(article, 0, 5, predicate="sign"), who="ana")
    with store.transaction() as session:
        suggested = Fact(article_id=article, kind="expectation", predicate="deliver",
                         origin="model:t@1")  # fmt: skip
        session.add(suggested)
        session.flush()
        session.add(FollowUp(fact_id=suggested.id or 0, question="Delivered?"))
    with store.engine.connect() as conn:
        [followup_id] = conn.execute(select(col(FollowUp.id))).scalars().all()
    lifecycle.confirm(store, followup_id=followup_id, who="rita")
    path = tmp_path / "facts.csv"
    export_table(store, "facts", path, raw=True)
    lines = path.read_bytes().decode("utf-8").splitlines()
    assert ",status,origin,analyst,evidence_quote," in lines[0]
    assert lines[1].startswith(f"{drafted.id},{article},Deal,2018-06-09,event,sign,")
    assert ",draft,analyst,ana,Deal ," in lines[1]
    assert ",confirmed,model:t@1,rita,," in lines[2]
