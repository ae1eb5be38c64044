"""Generated text through import → suggest → accept → export: every span's offsets still
select its text (emoji, combining marks, right-to-left text, CRLF, tabs, NUL-free)."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from db.exports import ExportFilter, export_csv
from db.models import Article, Mention, MentionState
from db.store import open_store
from desktop.ingest.importer import import_paths
from desktop.nlp.pipeline import ModelInfo
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.decisions import decide_mention

PIECES = st.sampled_from(
    [
        "India",
        "Russia",
        "S-400",
        "😀",
        "e\u0301",
        "\u05e9\u05dc\u05d5\u05dd",
        "\r\n",
        "\n",
        "\t",
        "October 2018",
        " ",
        ",",
        '"',
        "=SUM(A1)",
        "北京",
        "\u200d",
        "Ω",
        "last month",
    ]
)
TEXTS = st.lists(
    st.one_of(
        PIECES, st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=8)
    ),
    min_size=1,
    max_size=40,
).map("".join)


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [  # type: ignore[attr-defined]
            {"label": "GPE", "pattern": [{"LOWER": {"IN": ["india", "russia", "北京"]}}]},
            {"label": "PRODUCT", "pattern": "S-400"},
            {"label": "MISC", "pattern": [{"IS_TITLE": True}]},
        ]
    )
    return nlp


NLP = _nlp()
INFO = ModelInfo("blank_rules", "1", statistical=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXTS)
def test_offsets_survive_the_whole_way(body: str) -> None:
    if not body.strip():
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(("date 2018-06-09 Title\n" + body).encode("utf-8"))
        store = open_store(Path(tmp) / "t.sqlite3")
        report = import_paths(store, [path])
        if report.failed:
            store.close()
            return
        suggest_articles(store, NLP, INFO)
        with store.session() as session:
            ids = list(session.scalars(select(Mention.id)))
        for mid in ids[::2]:
            decide_mention(store, mention_id=mid, state=MentionState.ACCEPTED, who="prop")
        out = io.StringIO(newline="")
        export_csv(store.engine, "mentions", out, raw=True, filters=ExportFilter())
        rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
        with store.session() as session:
            text = session.scalars(select(Article.text)).one()
        store.close()
    assert text == "Title\n" + body
    assert len(rows) == len(ids)
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
