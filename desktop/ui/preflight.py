"""Before the window opens: can Qt's X11 plugin load on this machine?

Qt aborts with a cryptic "xcb-cursor0 or libxcb-cursor0 is needed" when a system library
is missing. This check names the Debian/Ubuntu packages to install instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# Shared library name -> Debian package that provides it.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-randr": "libxcb-randr0",
    "xcb-shape": "libxcb-shape0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
    "GL": "libgl1",
}


def missing_packages() -> list[str]:
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def uses_xcb() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("xcb")
    return sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY")


def main() -> int:
    if not uses_xcb():
        return 0
    if not os.environ.get("DISPLAY"):
        print(
            "No display: DISPLAY is not set, so the Factdesk window cannot open. "
            "Run it in a desktop session (or under Xvfb); the factdesk command works without one.",
            file=sys.stderr,
        )
        return 1
    missing = missing_packages()
    if missing:
        print(
            "Qt needs system libraries that are not installed. Install them with:\n"
            f"  sudo apt-get install -y {' '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
