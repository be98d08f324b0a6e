"""The browser files served from static/vendor/ are the ones the manifest says, from where
it says (scripts/vendor.py; `make vendor` refreshes them from the npm registry)."""

from __future__ import annotations

import hashlib
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import vendor  # noqa: E402


def test_every_vendored_file_is_listed_with_its_package_version_licence_and_digest():
    entries = vendor.read_manifest(vendor.MANIFEST.read_text())
    assert entries
    for entry in entries:
        data = (vendor.VENDOR / entry.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry.sha256, entry.file
        assert entry.package and entry.version[0].isdigit() and entry.licence
    listed = {e.file for e in entries}
    # Plotly's stylesheets are written from the bundle (make plotly-styles), not downloaded.
    written = {p.name for p in vendor.VENDOR.glob("plotly*.css")}
    served = {
        str(p.relative_to(vendor.VENDOR))
        for p in vendor.VENDOR.rglob("*")
        if p.is_file() and p.suffix not in {".gz", ".tsv", ".md"} and p.name not in written
    }
    assert served == listed


def test_the_chart_bundles_are_the_version_the_manifest_names():
    bundles = [e for e in vendor.read_manifest(vendor.MANIFEST.read_text()) if "plotly" in e.file]
    assert {e.file for e in bundles} == {"plotly-basic.min.js", "plotly-geo.min.js"}
    for plotly in bundles:
        head = (vendor.VENDOR / plotly.file).read_bytes()[:200].decode()
        assert f") v{plotly.version}\n" in head and "MIT license" in head


def _tarball(tmp_path: Path, licence: str) -> Path:
    path = tmp_path / "pkg.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in [
            ("package/package.json", json.dumps({"license": licence}).encode()),
            ("package/dist/lib.min.js", b"/* lib v1.2.3 */"),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def test_refresh_writes_each_file_and_records_its_digest(tmp_path):
    entry = vendor.Entry("lib.min.js", "lib", "1.2.3", "dist/lib.min.js", "MIT")
    asked = []

    def fetch(package, version, into):
        asked.append((package, version))
        return _tarball(tmp_path, "MIT")

    [done] = vendor.refresh([entry], tmp_path, fetch)
    assert asked == [("lib", "1.2.3")]
    assert (tmp_path / "lib.min.js").read_bytes() == b"/* lib v1.2.3 */"
    assert done.sha256 == hashlib.sha256(b"/* lib v1.2.3 */").hexdigest()
    manifest = vendor.write_manifest([done])
    assert vendor.read_manifest(manifest) == [done]


def test_a_package_whose_licence_changed_is_not_vendored(tmp_path):
    entry = vendor.Entry("lib.min.js", "lib", "1.2.3", "dist/lib.min.js", "MIT")
    with pytest.raises(ValueError, match=r"licensed 'GPL-3\.0'"):
        vendor.refresh([entry], tmp_path, lambda *args: _tarball(tmp_path, "GPL-3.0"))
    assert not (tmp_path / "lib.min.js").exists()


def test_a_manifest_line_with_a_missing_field_is_refused():
    with pytest.raises(ValueError, match="line 1"):
        vendor.read_manifest("lib.min.js\tlib\t1.2.3\n")
