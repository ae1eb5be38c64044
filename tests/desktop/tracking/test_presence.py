"""Who is reviewing what now, on a team's PostgreSQL store: an analyst's open article
shows in a colleague's article list with the analyst's login, the colleague's watch hears
of it, and the mark goes when the analyst's window closes."""

from __future__ import annotations

import io
import time
from pathlib import Path

from db.list_query import ArticleQuery
from db.store import open_store
from desktop.cli import run
from desktop.ingest.importer import import_paths
from desktop.tracking.desk import Desk
from desktop.tracking.watch import StoreWatch
from tests.postgres_server import SUPERUSER, PostgresServer


def open_by(desk: Desk) -> dict[int, str]:
    return {r.id: r.open_by for r in desk.article_list_page(ArticleQuery(), 0, 50)}


def heard_presence(watch: StoreWatch) -> bool:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        changes = watch.poll()
        if changes is not None and "presence" in changes.tables:
            return True
        time.sleep(0.02)
    return False


def ana_and_bo(
    postgres: PostgresServer, tmp_path: Path, articles: int
) -> tuple[tuple[Desk, Desk], list[int]]:
    """Two analysts' desks on a new team database holding ``articles`` stories."""
    url = postgres.new_database()
    for name in ("ana", "bo"):
        err = io.StringIO()
        command = ["--db", url, "team", "add-analyst", name, "--role", "analyst"]
        assert run(command, io.StringIO(), err) == 0, err.getvalue()
    admin = open_store(url)
    for i in range(1, articles + 1):
        (tmp_path / f"{i}.txt").write_text(f"date 2018-10-0{i} Story {i}\n\nText {i}.\n")
    stored = [a for _, a in import_paths(admin, sorted(tmp_path.glob("*.txt"))).imported]
    admin.close()
    ana, bo = (
        Desk(open_store(url.replace(f"://{SUPERUSER}@", f"://{who}@")), who)
        for who in ("ana", "bo")
    )
    return (ana, bo), stored


def test_a_colleagues_open_article_shows_in_the_list_until_they_close(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    (ana, bo), (first, second) = ana_and_bo(postgres, tmp_path, 2)
    watch = ana.watch()
    try:
        watch.start()
        assert bo.open_article(first) is not None
        assert heard_presence(watch)
        assert open_by(ana) == {first: "bo", second: ""}
        assert open_by(bo) == {first: "", second: ""}  # one's own window is not a colleague
        assert ana.open_article(first) is not None and bo.open_article(second) is not None
        assert heard_presence(watch)
        assert open_by(ana) == {first: "", second: "bo"}
        assert open_by(bo) == {first: "ana", second: ""}
        bo.close()
        assert heard_presence(watch)
        assert open_by(ana) == {first: "", second: ""}
    finally:
        watch.close()
        ana.close()


def test_the_mark_comes_back_with_the_server(postgres: PostgresServer, tmp_path: Path) -> None:
    """A server restart drops every session's lock; the window that sees the store back
    takes its mark again, so colleagues see who has the article open without waiting for
    the analyst to open another one."""
    (ana, bo), [article] = ana_and_bo(postgres, tmp_path, 1)
    try:
        assert ana.open_article(article) is not None
        assert open_by(bo) == {article: "ana"}
        postgres.halt()
        postgres.launch()
        assert open_by(bo) == {article: ""}  # the restart took the mark with the session
        ana.show_open_again()
        assert open_by(bo) == {article: "ana"}
        ana.show_open(None)
        assert open_by(bo) == {article: ""}
    finally:
        ana.close()
        bo.close()
