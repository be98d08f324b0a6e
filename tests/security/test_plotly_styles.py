"""The stylesheets Plotly would inject are served as files that match the vendored bundle."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("plotly_styles", ROOT / "scripts/plotly_styles.py")
plotly_styles = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plotly_styles)


def test_the_committed_files_match_the_bundle():
    """Fails when static/vendor/plotly.min.js changed without `make plotly-styles`."""
    bundle = plotly_styles.BUNDLE.read_text(encoding="utf-8")
    for path, text in plotly_styles.outputs(bundle).items():
        assert path.read_text(encoding="utf-8") == text, path


def test_plotlys_rules_are_read_whole_and_in_its_order():
    bundle = (
        'x={"X,X div":\'direction:ltr;font-family:"Open Sans";\',Y:"position:fixed;",'
        '"X a:hover":"color:red;"};'
    )
    assert plotly_styles.plotly_rules(bundle) == (
        ".js-plotly-plot .plotly a:hover {color:red;}\n"
        ".plotly-notifier {position:fixed;}\n"
        ".js-plotly-plot .plotly,.js-plotly-plot .plotly div "
        '{direction:ltr;font-family:"Open Sans";}\n'
    )


def test_a_bundled_librarys_sheet_is_found_by_its_element_id():
    bundle = 'var e=document.createElement("style");e.id="abc123",e.textContent=\'.m{a:b}\';'
    assert plotly_styles.embedded_sheets(bundle) == {"abc123": ".m{a:b}\n"}
