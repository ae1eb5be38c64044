"""The hashed locks install on a fresh machine whatever the index holds beyond the pins.

CI once failed where this machine passed: its index held smart-open 9.0.4, the lock pinned
9.0.2 without the ``[http]`` extra that weasel asks for, and the pip Python 3.11 ships
stopped in hash-checking mode. Two things keep that from recurring, each checked here.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"
LOCKS = ("app.lock", "dev.lock", "package.lock")
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[([^\]]*)\])?==(\S+)", re.MULTILINE)


def pins(lock: str) -> dict[str, tuple[set[str], str]]:
    """Each pinned name (canonical) -> (its extras, canonical; its version)."""
    text = (REQUIREMENTS / lock).read_text(encoding="utf-8")
    return {
        canonicalize_name(name): (
            {canonicalize_name(e) for e in (extras or "").split(",") if e.strip()},
            version,
        )
        for name, extras, version in PIN.findall(text)
    }


def extras_asked_for(name: str) -> list[Requirement]:
    """What the installed distribution ``name`` asks of others with extras, on this platform."""
    try:
        requires = metadata.distribution(name).requires or []
    except metadata.PackageNotFoundError:
        return []
    asked = [Requirement(r) for r in requires]
    return [r for r in asked if r.extras and (r.marker is None or r.marker.evaluate({"extra": ""}))]


@pytest.mark.parametrize("lock", LOCKS)
def test_every_extra_a_locked_package_asks_for_is_pinned_with_it(lock: str) -> None:
    pinned = pins(lock)
    missing = []
    for name in pinned:
        for req in extras_asked_for(name):
            target = canonicalize_name(req.name)
            wanted = {canonicalize_name(e) for e in req.extras}
            if target in pinned and not wanted <= pinned[target][0]:
                missing.append(f"{name} asks for {req}; {lock} pins {target} without {wanted}")
    assert not missing, "\n".join(missing)
    assert pinned["smart-open"] == ({"http"}, "9.0.2")


def test_the_venv_runs_the_pip_of_its_own_lock() -> None:
    (extras, version) = pins("pip.lock")["pip"]
    assert not extras
    assert metadata.version("pip") == version
