"""The analyst's search language, parsed once and written out for the search engine.

Plain words never fail: a name with a hyphen, slash, dot or apostrophe (``S-400``,
``F-16``, ``9/11``, ``U.S.``, ``O'Brien``) is searched as the phrase of its parts, the way
the index splits it. Those who type operators keep them: ``"quoted phrases"``, ``AND``,
``OR``, ``NOT`` (upper case, as in FTS5), parentheses and a trailing ``*`` for prefixes.
A quote or parenthesis left open is closed at the end. What cannot be searched at all (a
query of nothing but ``NOT`` terms, or no word) raises ``QueryError`` with a sentence.

The parsed form is engine-neutral; ``to_fts5`` writes it for SQLite's FTS5, ``to_tsquery``
for PostgreSQL's ``to_tsquery``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.errors import StoreError

_TOKEN = re.compile(
    r'"(?P<phrase>[^"]*)(?:"|$)(?P<pstar>\*)?'  # a phrase, closed at the end if left open
    r"|(?P<open>\()|(?P<close>\))"
    r'|(?P<bare>[^\s()"]+)'
)
_PART = re.compile(r"\w+", re.UNICODE)
OPERATORS = {"AND", "OR", "NOT"}


class QueryError(StoreError):
    """A query that can find nothing as written; ``str()`` says why and what to type."""


@dataclass(frozen=True)
class Term:
    """Words that must stand together (one word is a phrase of one); ``prefix`` lets the
    last word be the start of a longer one."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


Node = Term | Not | And | Or


def _term(text: str, prefix: bool) -> Term | None:
    words = tuple(_PART.findall(text))
    return Term(words, prefix) if words else None


class _Parser:
    """Recursive descent over: or := and (OR and)*; and := unary (AND? unary)*;
    unary := NOT unary | atom; atom := term | ( or )."""

    def __init__(self, query: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        for m in _TOKEN.finditer(query):
            if m["phrase"] is not None:
                self.tokens.append(("phrase", m["phrase"] + ("*" if m["pstar"] else "")))
            elif m["open"]:
                self.tokens.append(("open", "("))
            elif m["close"]:
                self.tokens.append(("close", ")"))
            else:
                bare = m["bare"]
                self.tokens.append(("op", bare) if bare in OPERATORS else ("word", bare))
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node | None:
        node = self.disjunction()
        while self.peek() is not None:  # a stray ")" or operator: skip it, read on
            self.take()
            more = self.disjunction()
            node = _join(And, node, more)
        return node

    def disjunction(self) -> Node | None:
        node = self.conjunction()
        while self.peek() == ("op", "OR"):
            self.take()
            node = _join(Or, node, self.conjunction())
        return node

    def conjunction(self) -> Node | None:
        node = self.unary()
        while (token := self.peek()) is not None and token not in {("op", "OR"), ("close", ")")}:
            if token == ("op", "AND"):
                self.take()
            node = _join(And, node, self.unary())
        return node

    def unary(self) -> Node | None:
        token = self.peek()
        if token is None:
            return None
        if token == ("op", "NOT"):
            self.take()
            operand = self.unary()
            if isinstance(operand, Not):
                return operand.operand  # NOT NOT x is x
            return Not(operand) if operand is not None else None
        if token[0] == "open":
            self.take()
            node = self.disjunction()
            if self.peek() == ("close", ")"):
                self.take()
            return node
        if token[0] in {"close", "op"}:
            self.take()  # ")" without "(" or a dangling AND/OR: nothing to search
            return None
        kind, value = self.take()
        prefix = value.endswith("*")
        return _term(value.rstrip("*"), prefix and kind in {"word", "phrase"})


def _join(kind: type[And] | type[Or], left: Node | None, right: Node | None) -> Node | None:
    if left is None or right is None:
        return left or right
    parts: list[Node] = []
    for side in (left, right):
        parts.extend(side.operands if isinstance(side, kind) else (side,))
    return kind(tuple(parts))


def parse(query: str) -> Node:
    """The query as a tree; ``QueryError`` when nothing in it can be searched for."""
    node = _Parser(query).parse()
    if node is None:
        raise QueryError(
            f"The search {query.strip()!r} has no word to look for. "
            'Type words, names such as S-400, or "a phrase".'
        )
    if not _finds_something(node):
        raise QueryError(
            f"The search {query.strip()!r} only says what to leave out. "
            "Add a word to look for, e.g. 'missile NOT test'."
        )
    return node


def _finds_something(node: Node) -> bool:
    """False where a match would be defined by exclusion alone (FTS5 refuses those)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, Or):
        return all(_finds_something(n) for n in node.operands)
    return any(_finds_something(n) for n in node.operands)


def terms(node: Node) -> list[Term]:
    """The terms a match may show (those not under NOT), for marking them in the text."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return []
    return [t for n in node.operands for t in terms(n)]


def to_fts5(node: Node) -> str:
    """FTS5 query syntax: every term quoted, so no word is read as an operator or column."""
    if isinstance(node, Term):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, Not):
        raise AssertionError("NOT is written by the And that holds it")
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(n) for n in node.operands) + ")"
    positive = [n for n in node.operands if not isinstance(n, Not)]
    negative = [n.operand for n in node.operands if isinstance(n, Not)]
    text = " AND ".join(to_fts5(n) for n in positive)
    if len(positive) > 1:
        text = f"({text})"
    for n in negative:
        text = f"{text} NOT {to_fts5(n)}"
    return f"({text})" if negative else text


def to_tsquery(node: Node) -> str:
    """PostgreSQL ``to_tsquery`` syntax: every word quoted (so none is an operator), the
    words of a phrase joined by ``<->``, a prefix as ``:*``."""
    if isinstance(node, Term):
        words = [f"'{w}'" for w in node.words]
        if node.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"
    if isinstance(node, Not):
        raise AssertionError("NOT is written by the And that holds it")
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(n) for n in node.operands) + ")"
    positive = [to_tsquery(n) for n in node.operands if not isinstance(n, Not)]
    negative = [f"!{to_tsquery(n.operand)}" for n in node.operands if isinstance(n, Not)]
    return "(" + " & ".join(positive + negative) + ")"


def any_of_terms(texts: list[str]) -> Node | None:
    """A query matching any of the texts, each as a phrase of its words (no syntax)."""
    found = [t for t in (_term(x, False) for x in texts) if t is not None]
    unique = list(dict.fromkeys(found))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else Or(tuple(unique))


def fts5_query(query: str) -> str:
    """The analyst's query written for FTS5 (``QueryError`` if it can find nothing)."""
    return to_fts5(parse(query))
