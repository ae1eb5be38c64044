"""What the wheel holds: every package of the source tree, and every shipped data file
(the seeds, the migrations, resources/) where importlib.resources finds it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from db.builtin_labels import BUILTIN_LABELS

REPO = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]
MAPPED = {"desktop.resources": "resources", "desktop.seeds": "seeds"}
PIP_WHEEL = [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check"]
PIP_WHEEL += ["--no-deps", "--no-build-isolation"]
"""The wheel built as make wheel builds it: from the checkout, with the locked backend."""


def source_packages() -> set[str]:
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for root in ("db", "desktop")
        for init in (REPO / root).rglob("__init__.py")
    }
    return found | set(MAPPED)


def test_the_package_list_is_the_source_tree() -> None:
    assert set(SETUPTOOLS["packages"]) == source_packages()
    assert SETUPTOOLS["package-dir"] == MAPPED


def tracked(*folders: str) -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", *folders], cwd=REPO, capture_output=True, text=True, check=True
    )
    return [line for line in out.stdout.splitlines() if line]


def in_wheel(path: str) -> str:
    """Where a tracked file lands in the wheel."""
    for package, folder in MAPPED.items():
        if path.startswith(folder + "/"):
            return package.replace(".", "/") + path.removeprefix(folder)
    return path


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP_WHEEL, "-w", str(out), str(REPO)], check=True, capture_output=True, timeout=300
    )
    [wheel] = out.glob("factdesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_ships_every_data_file(wheel_names: set[str]) -> None:
    shipped = tracked("resources", "seeds", "db/migrations")
    assert len(shipped) > 20
    assert sorted(in_wheel(p) for p in shipped if in_wheel(p) not in wheel_names) == []


def test_the_wheel_ships_every_module(wheel_names: set[str]) -> None:
    modules = [p for p in tracked("db", "desktop") if p.endswith(".py")]
    assert sorted(p for p in modules if p not in wheel_names) == []
    assert "desktop/self_test.py" in wheel_names


def test_shipped_data_is_found_from_any_folder(tmp_path: Path) -> None:
    """Not beside the checkout: through the installed package, as a wheel would have it."""
    script = (
        "from desktop.settings import resource_path, resources_dir, seeds_dir\n"
        "print(len(list(seeds_dir().glob('*.txt'))))\n"
        "print(resources_dir().joinpath('labels.toml').is_file())\n"
        "print(resource_path('icons', '48x48', 'org.factdesk.Factdesk.png').is_file())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    seeds = len(list((REPO / "seeds").glob("*.txt")))
    assert out.stdout.split() == [str(seeds), "True", "True"]


def test_every_builtin_label_has_its_colour_in_the_shipped_table() -> None:
    from desktop.ui.colors import builtin_colors, label_color

    colors = builtin_colors()
    assert sorted(colors) == sorted(label.name for label in BUILTIN_LABELS)
    table = tomllib.loads((REPO / "resources" / "labels.toml").read_text(encoding="utf-8"))
    assert label_color("WEAPON_SYSTEM").name() == table["colors"]["WEAPON_SYSTEM"]
    assert label_color("MY_OWN_LABEL").isValid()
