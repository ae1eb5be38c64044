"""The desktop integration files: the entry opens the files the importer reads, names an
icon that exists in the sizes desktops ask for, matches the AppStream metainfo, passes the
freedesktop validators, and ``make install-desktop`` puts them where desktops look."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.ingest.readers import SUPPORTED_SUFFIXES
from desktop.settings import APP_ID

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"
ENTRY = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
REQUIRED = os.environ.get("FACTDESK_PACKAGE_TESTS") == "1"
"""Set by make test-package, which installs the validators: then they must run."""
MIME_OF_SUFFIX = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}

sys.path.insert(0, str(REPO / "packaging"))
import install_desktop  # noqa: E402


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_entry_opens_every_kind_of_file_the_importer_reads() -> None:
    section = entry()
    assert section["Exec"] == "factdesk open %F"
    assert section["Terminal"] == "false"
    offered = set(section["MimeType"].rstrip(";").split(";"))
    assert set(MIME_OF_SUFFIX) == SUPPORTED_SUFFIXES
    assert set(MIME_OF_SUFFIX.values()) <= offered


def test_the_icon_exists_in_every_size_it_is_drawn_at() -> None:
    assert entry()["Icon"] == APP_ID
    icons = RESOURCES / "icons"
    assert (icons / f"{APP_ID}.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    sizes = {}
    for png in icons.glob(f"*/{APP_ID}.png"):
        sizes[png.parent.name] = png_size(png)
    assert sizes == {f"{n}x{n}": (n, n) for n in (16, 24, 32, 48, 64, 128, 256, 512)}


def test_the_metainfo_names_the_entry_and_the_command() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == ENTRY.name
    assert root.findtext("provides/binary") == "factdesk"
    version = root.find("releases/release")
    assert version is not None
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{version.get("version")}"' in pyproject


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if REQUIRED:
            pytest.fail(f"{name} is not installed (make validate-desktop installs it)")
        pytest.skip(f"{name} is not installed; make test-package runs this check")
    return found


def test_appstream_validates_the_metainfo() -> None:
    tool = validator("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_validate_accepts_the_entry() -> None:
    tool = validator("desktop-file-validate")
    result = subprocess.run([tool, str(ENTRY)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_install_desktop_puts_the_files_where_desktops_look(tmp_path: Path) -> None:
    command = tmp_path / "bin" / "factdesk"
    written = install_desktop.install(tmp_path / "share", command)
    share = tmp_path / "share"
    assert share / "applications" / ENTRY.name in written
    assert share / "metainfo" / METAINFO.name in written
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert png_size(share / "icons/hicolor/256x256/apps" / f"{APP_ID}.png") == (256, 256)
    installed = configparser.ConfigParser(interpolation=None)
    installed.read(share / "applications" / ENTRY.name, encoding="utf-8")
    assert installed["Desktop Entry"]["Exec"] == f'"{command}" open %F'
    assert installed["Desktop Entry"]["MimeType"] == entry()["MimeType"]
