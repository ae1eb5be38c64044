"""``factdesk search``: the window's search from the command line, with the same query
rules (names such as S-400 searched as written) and the same sentences."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop.cli import run
from tests.conftest import SEEDS


def search(db: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", str(db), "search", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_search_finds_the_s400_articles_best_first(db_path: Path) -> None:
    assert run(["--db", str(db_path), "import", str(SEEDS)], io.StringIO(), io.StringIO()) == 0
    with_s400 = {
        path.read_text(encoding="utf-8").split("\n", 1)[0] for path in SEEDS.glob("*.txt")
        if "S-400" in path.read_text(encoding="utf-8")
    }  # fmt: skip
    code, out, _err = search(db_path, "S-400", "--json", "--limit", "50")
    hits = json.loads(out)
    assert code == 0 and len(hits) == len(with_s400) == 8
    assert set(hits[0]) == {"id", "title", "published", "source", "snippet", "rank"}
    assert all("[S-400]" in hit["snippet"] for hit in hits)
    assert [h["rank"] for h in hits] == sorted(h["rank"] for h in hits)
    assert hits[0]["title"] == "India and Russia sign $5.4 billion S-400 air defence deal"

    code, out, _err = search(db_path, "S-400", "deal", "--limit", "1")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[1:3] == ["2018-09-28", "Putin"]
    assert lines[1].strip() == "Putin to visit New Delhi next week as [S-400] [deal] nears…"
    assert lines[-1] == "3 article(s) match 'S-400 deal'; the best 1 shown, best first."


def test_a_query_that_can_find_nothing_says_why(db_path: Path) -> None:
    code, out, err = search(db_path, "NOT contract")
    assert (code, out) == (2, "")
    assert err == (
        "factdesk: The search 'NOT contract' only says what to leave out. Add a word to look "
        "for, e.g. 'missile NOT test'.\n"
    )
    code, out, _err = search(db_path, "MiG-29")
    assert (code, out) == (0, "Nothing matches 'MiG-29'.\n")
