"""``make fuzz``: random and mutated files through the readers for a few minutes.

Every file must either import or be refused with ReadError (a sentence); any other
exception is a crash and fails the run. Not part of ``make test``.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from desktop.ingest.readers import ReadError, read_article

SEEDS = [
    p.read_bytes()
    for p in sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))
]
SEEDS += [
    b"<html><head><title>T</title><script>x()</script></head>"
    b"<body><p>India signed.</p></body></html>",
    b"---\ntitle: x\ndate: 2018-13-45\n---\n# H\n\nBody",
    b"date 2018-02-30 Impossible\n\ntext",
    "\ufeffdate 2018-10-05 BOM\r\n\r\nbody".encode(),
    "Émigré 😀".encode("utf-16"),
]
SUFFIXES = [".txt", ".md", ".html", ".htm", ".markdown"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        op = rng.randrange(4)
        at = rng.randrange(len(out) + 1)
        if op == 0 and out:
            del out[at : at + rng.randint(1, 64)]
        elif op == 1:
            out[at:at] = os.urandom(rng.randint(1, 32))
        elif op == 2 and out:
            out[at % len(out)] = rng.randrange(256)
        else:
            out[at:at] = rng.choice(SEEDS)[: rng.randint(0, 200)]
    return bytes(out)


def main(seconds: float) -> int:
    rng = random.Random(int(time.time()))
    tried = refused = 0
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as tmp:
        while time.monotonic() < deadline:
            path = Path(tmp) / f"f{tried % 50}{rng.choice(SUFFIXES)}"
            data = (
                mutate(rng.choice(SEEDS), rng)
                if rng.random() < 0.8
                else os.urandom(rng.randint(0, 4096))
            )
            path.write_bytes(data)
            tried += 1
            try:
                article = read_article(path)
                assert isinstance(article.text, str) and article.text.strip()
            except ReadError:
                refused += 1
            except Exception:
                print(
                    f"CRASH on {len(data)} bytes ({path.suffix}): {data[:200]!r}", file=sys.stderr
                )
                raise
    print(
        f"fuzzed the readers for {seconds:.0f} s: {tried} files, "
        f"{refused} refused with a reason, 0 crashes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 180.0))
