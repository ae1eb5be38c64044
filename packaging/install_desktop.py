"""``make install-desktop``: the icon, the desktop entry (with its MIME associations) and
the AppStream metainfo installed for the current user, in the XDG data folder
(``$XDG_DATA_HOME``, else ``~/.local/share``), then the desktop's caches refreshed with
the tools that are present. Standard library only, so it runs before any venv exists.

The entry starts ``--exec PATH`` when given (the bundle: ``dist/Factdesk/factdesk``), else
the ``factdesk`` on PATH (``pipx install``), else this checkout's ``.venv/bin/factdesk``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"
APP_ID = "org.factdesk.Factdesk"


def data_home() -> Path:
    chosen = os.environ.get("XDG_DATA_HOME")
    return Path(chosen) if chosen else Path.home() / ".local" / "share"


def find_command(chosen: str | None) -> Path | None:
    if chosen:
        return Path(chosen).resolve()
    on_path = shutil.which("factdesk")
    if on_path:
        return Path(on_path).resolve()
    venv = REPO / ".venv" / "bin" / "factdesk"
    return venv if venv.exists() else None


def desktop_entry(command: Path) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` naming the command by its path."""
    lines = []
    for line in (RESOURCES / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f'Exec="{command}" open %F'
        elif line.startswith("TryExec="):
            line = f"TryExec={command}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(target: Path, command: Path) -> list[Path]:
    """Write the files under ``target`` (an XDG data folder); returns what was written."""
    written = []

    def put(path: Path, content: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)

    put(
        target / "applications" / f"{APP_ID}.desktop",
        desktop_entry(command).encode("utf-8"),
    )
    metainfo = RESOURCES / f"{APP_ID}.metainfo.xml"
    put(target / "metainfo" / metainfo.name, metainfo.read_bytes())
    icons = RESOURCES / "icons"
    hicolor = target / "icons" / "hicolor"
    put(hicolor / "scalable" / "apps" / f"{APP_ID}.svg", (icons / f"{APP_ID}.svg").read_bytes())
    for png in sorted(icons.glob(f"*/{APP_ID}.png")):
        put(hicolor / png.parent.name / "apps" / png.name, png.read_bytes())
    return written


def refresh_caches(target: Path) -> list[str]:
    """Run the cache tools that are installed; returns the ones run."""
    commands = [
        ["update-desktop-database", "-q", str(target / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(target / "icons" / "hicolor")],
    ]
    ran = []
    for command in commands:
        if shutil.which(command[0]):
            subprocess.run(command, check=False)
            ran.append(command[0])
    return ran


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make install-desktop", description=__doc__)
    parser.add_argument("--exec", dest="command", help="the factdesk executable to start")
    args = parser.parse_args(argv)
    if sys.platform != "linux":
        print("make install-desktop is for Linux desktops (XDG); see packaging/README.md.")
        return 1
    command = find_command(args.command)
    if command is None:
        print(
            "No factdesk command found: run make run once (it makes .venv), install the wheel "
            "with pipx, or name one: make install-desktop FACTDESK=dist/Factdesk/factdesk"
        )
        return 1
    target = data_home()
    for path in install(target, command):
        print(f"installed {path}")
    ran = refresh_caches(target)
    print(f"Factdesk's menu entry starts {command}" + (f" ({', '.join(ran)} run)" if ran else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
