"""A deterministic generator of news-like articles with entities, dates and expectations."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".bench"

COUNTRIES = [
    "India",
    "Russia",
    "Turkey",
    "China",
    "France",
    "Germany",
    "Brazil",
    "Japan",
    "Egypt",
    "Qatar",
]
PEOPLE = [
    "Narendra Modi",
    "Vladimir Putin",
    "Recep Tayyip Erdogan",
    "Emmanuel Macron",
    "Angela Merkel",
    "Tina Kaidanow",
    "Sergei Lavrov",
    "Nirmala Sitharaman",
    "Mike Pompeo",
    "Xi Jinping",
]
ORGS = [
    "Almaz-Antey",
    "Lockheed Martin",
    "Boeing",
    "Rosoboronexport",
    "the State Department",
    "the Defence Ministry",
    "Reuters",
    "Dassault Aviation",
    "Hindustan Aeronautics",
    "NATO",
]
ITEMS = [
    "S-400 air defence systems",
    "Rafale fighter jets",
    "F-16 fighters",
    "frigates",
    "helicopters",
    "submarines",
    "transport aircraft",
    "tanks",
    "radar systems",
    "drones",
]
WHEN_FUTURE = [
    "in October",
    "next year",
    "by 2020",
    "in early 2019",
    "within two years",
    "next month",
    "by the end of 2021",
    "in the coming years",
    "this week",
    "in the third quarter",
]
WHEN_PAST = [
    "last month",
    "on Friday",
    "in August 2017",
    "last year",
    "in 2016",
    "two years ago",
    "in recent weeks",
    "earlier this year",
    "last June",
    "yesterday",
]
FILLER = [
    "Analysts said the move would reshape the regional balance of power.",
    "The talks covered pricing, delivery schedules and the transfer of technology.",
    "Officials declined to give further details about the negotiations.",
    "The government has faced criticism over the cost of the programme.",
    "Both sides described the discussions as constructive and forward-looking.",
    "Opposition lawmakers demanded a full review of the procurement process.",
]


def article(rng: random.Random, index: int) -> tuple[str, date]:
    published = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365))
    a, b = rng.sample(COUNTRIES, 2)
    person, other = rng.sample(PEOPLE, 2)
    org = rng.choice(ORGS)
    item = rng.choice(ITEMS)
    title = f"{a} and {b} discuss {item} deal ({index})"
    sentences = [
        f"{a} and {b} {rng.choice(['concluded', 'resumed', 'began'])} talks on {item} "
        f"{rng.choice(WHEN_PAST)}, {org} said.",
        f"The final contract is expected to be signed {rng.choice(WHEN_FUTURE)}, "
        f"according to {person}.",
        f"{other} met officials in {rng.choice(COUNTRIES)} {rng.choice(WHEN_PAST)}.",
        f"{a} plans to buy {rng.randrange(2, 120)} {item} {rng.choice(WHEN_FUTURE)}.",
    ]
    sentences += rng.sample(FILLER, 3)
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n", published


def articles(count: int, seed: int = 7) -> list[tuple[str, date]]:
    """``count`` articles, the same every run (cached under .bench/)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"corpus_{count}_{seed}.jsonl"
    if path.exists():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [(r["text"], date.fromisoformat(r["published"])) for r in rows]
    rng = random.Random(seed)
    made = [article(rng, i) for i in range(count)]
    with path.open("w", encoding="utf-8") as fh:
        for text, published in made:
            fh.write(json.dumps({"text": text, "published": published.isoformat()}) + "\n")
    return made


def cached_store(name: str, fill: Callable[[sqlite3.Connection], None]) -> Path:
    """A migrated store under .bench/, filled once by ``fill`` over a raw connection and
    reused by later runs; a half-built one (killed run) is rebuilt."""
    path = CACHE / f"{name}.sqlite3"
    if path.exists():
        return path
    from db.store import open_store

    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".part")
    partial.unlink(missing_ok=True)
    open_store(partial).close()
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA synchronous = OFF")
    fill(conn)
    conn.commit()
    conn.close()
    partial.replace(path)
    return path
