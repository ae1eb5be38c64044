"""Names for matching follow-ups to articles: the forms a participant takes in text
(aliases, demonyms, capitals) and a tolerant comparison of two names ("Crossrail" and
"London Crossrail", "Hong Kong-" and "Hong Kong").

Events themselves are matched on spaCy lemmas through the event lexicon
(``desktop.vocabulary``), never on word stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.vocabulary import places

DEMONYMS = places().demonyms
CAPITALS = places().capitals
ALIASES = places().aliases

WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*|\d+(?:\.\d+)?")
_SPLIT = re.compile(r"[^a-z0-9]+")
SHORT = 3
"""Names this short ("US") match only exactly."""
PREPOSITIONS = {"for", "of", "in", "at", "on", "to", "from", "and"}


def words(text: str) -> list[str]:
    return WORD.findall(text)


_CAPITALS = {city.lower(): country for city, country in CAPITALS.items()}
_ALIASES = {alias.lower(): country for alias, country in ALIASES.items()}


def tokens(name: str) -> tuple[str, ...]:
    """A name's words in lower case, without articles and possessive endings; a capital
    or a demonym stands for its country ("New Delhi", "Indian": India)."""
    lowered = name.lower().replace("’", "'").replace("'s ", " ").removesuffix("'s").strip()
    lowered = (
        _CAPITALS.get(lowered) or DEMONYMS.get(lowered) or _ALIASES.get(lowered) or lowered
    ).lower()
    parts = [p for p in _SPLIT.split(lowered) if p and p not in {"the", "s"}]
    return tuple(
        p[:-1] if len(p) > 4 and p.endswith("s") and not p.endswith("ss") else p for p in parts
    )


def same_name(a: str, b: str) -> bool:
    """Equal, or one name's words in one piece inside the other's ("Elizabeth" and "the
    Elizabeth Line"; "Singapore" and "HK-Singapore")."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or (len(ta) == len(tb) == 1 and _demonym_of(ta[0], tb[0])):
        return True
    if _acronym_of(a, tb) or _acronym_of(b, ta):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(short[0]) <= SHORT:
        return False  # "US" is not "US Air Force"
    n = len(short)
    # in one piece ("Air Force" is not inside "Japan Air Self-Defense Force"), and not as the
    # object of a preposition ("London" is not "Transport for London")
    return any(
        long_[i : i + n] == short and (i == 0 or long_[i - 1] not in PREPOSITIONS)
        for i in range(len(long_) - n + 1)
    )


def _acronym_of(short: str, long_: tuple[str, ...]) -> bool:
    """ "ISRO" and "the Indian Space Research Organisation", "NASA" and "National
    Aeronautics and Space Administration": capitals that are the other name's initials."""
    letters = short.strip()
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(w[0] for w in long_ if w not in PREPOSITIONS)
    return len(long_) >= 2 and initials == letters.lower()


DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "i", "n")


def _demonym_of(a: str, b: str) -> bool:
    """ "chilean" and "chile", "indian" and "india": a nationality word and its country
    (those the gazetteer lacks), by their common stem."""
    word, country = (a, b) if len(a) > len(b) else (b, a)
    if len(country) < 4 or not word.endswith(DEMONYM_ENDINGS):
        return False
    common = 0
    for x, y in zip(word, country, strict=False):
        if x != y:
            break
        common += 1
    return common >= len(country) - 1


def surface_forms(name: str) -> set[str]:
    """How a participant appears in text: its name, its demonym, its capital, the other
    names of its country."""
    forms = {name.lower()}
    forms |= {adj for adj, country in DEMONYMS.items() if country == name}
    forms |= {city.lower() for city, country in CAPITALS.items() if country == name}
    key = name.lower().removeprefix("the ")
    country = _ALIASES.get(key) or next((c for c in ALIASES.values() if c.lower() == key), "")
    if country:
        forms |= {
            n.lower()
            for n in [country, *(a for a, c in ALIASES.items() if c == country)]
            if len(n) > SHORT and "." not in n
        }  # "Britain" and "the United Kingdom"; never "US", which is also a word
    if name.endswith("s") and len(name) > 4:
        forms.add(name[:-1].lower())
    if name.endswith("ia") and " " not in name and name[:1].isupper():
        forms |= {name.lower() + "n", name.lower() + "ns"}  # Bolivia: "Bolivian", "Bolivians"
    return {f for f in forms if f.strip()}


def has_form(lowered: str, form: str) -> bool:
    """Whether ``form`` occurs in ``lowered`` as whole words."""
    if form not in lowered:
        return False
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", lowered) is not None


def shared(names: Iterable[str], others: Iterable[str]) -> list[str]:
    """The names of ``names`` that one of ``others`` names too."""
    pool = list(others)
    return [n for n in dict.fromkeys(names) if any(same_name(n, o) for o in pool)]
