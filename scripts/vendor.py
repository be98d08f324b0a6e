"""Fetch the browser files in static/vendor/ from the npm registry, as the manifest lists them.

The manifest (static/vendor/SOURCES.tsv) has one line per file: the name it is saved
under, the npm package and version it comes from, its path inside the package, the
package's licence, and the file's SHA-256. ``make vendor`` runs this script: each package
is fetched with ``npm pack`` (the registry's own client), its licence is checked against
the manifest, the file is written and its SHA-256 recorded. To add a file, add a line (the
digest may be left as ``-``); to upgrade, change the version and run ``make vendor``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "static" / "vendor"
MANIFEST = VENDOR / "SOURCES.tsv"
COLUMNS = ("file", "package", "version", "path", "licence", "sha256")
HEAD = (
    "# Browser files served from static/vendor/, and where each comes from.\n"
    "# Refresh with `make vendor` (scripts/vendor.py): one line per file, tab-separated.\n"
    "# " + "\t".join(COLUMNS) + "\n"
)


@dataclass(frozen=True)
class Entry:
    file: str
    package: str
    version: str
    path: str
    licence: str
    sha256: str = "-"


def read_manifest(text: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise ValueError(f"manifest line {number}: {len(COLUMNS)} tab-separated fields needed")
        entries.append(Entry(*fields))
    return entries


def write_manifest(entries: list[Entry]) -> str:
    rows = ["\t".join(getattr(e, c) for c in COLUMNS) for e in entries]
    return HEAD + "\n".join(rows) + "\n"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def npm_pack(package: str, version: str, into: Path) -> Path:
    """The package's tarball, downloaded by ``npm pack`` into ``into``."""
    out = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    return into / json.loads(out.stdout)[0]["filename"]


def extract(entry: Entry, tarball: Path) -> bytes:
    """The entry's file from the package tarball, once its licence is the one recorded."""
    with tarfile.open(tarball) as archive:
        meta = json.load(archive.extractfile("package/package.json"))
        if meta.get("license") != entry.licence:
            raise ValueError(
                f"{entry.package}@{entry.version} is licensed {meta.get('license')!r}, "
                f"the manifest says {entry.licence!r}: check it before vendoring"
            )
        return archive.extractfile(f"package/{entry.path}").read()


def refresh(
    entries: list[Entry], into: Path, fetch: Callable[[str, str, Path], Path] = npm_pack
) -> list[Entry]:
    """Write each entry's file into ``into``; the entries with their files' digests."""
    done = []
    with tempfile.TemporaryDirectory() as tmp:
        tarballs: dict[tuple[str, str], Path] = {}
        for entry in entries:
            key = (entry.package, entry.version)
            if key not in tarballs:
                tarballs[key] = fetch(entry.package, entry.version, Path(tmp))
            data = extract(entry, tarballs[key])
            target = into / entry.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            done.append(replace(entry, sha256=digest(data)))
            print(f"{entry.file}: {entry.package}@{entry.version} ({len(data):,} bytes)")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args(argv)
    entries = refresh(read_manifest(args.manifest.read_text()), args.manifest.parent)
    args.manifest.write_text(write_manifest(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
