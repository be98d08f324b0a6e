"""Write the stylesheets the vendored Plotly bundle would inject as files, and the
template that links them (make plotly-styles, after static/vendor/plotly.min.js changes).

At load, plotly.js puts its rules into a <style> element it creates, and so does
the map library bundled in it; a Content-Security-Policy without 'unsafe-inline'
styles refuses both. Each injects nothing when the page already holds an element
with its id (Plotly's also needs the class "no-inline-styles"), so the chart
pages link the same rules as files under those ids. A test checks that the
files match the bundle.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "static" / "vendor" / "plotly.min.js"
VENDOR = ROOT / "static" / "vendor"
TEMPLATE = ROOT / "templates" / "timeline" / "includes" / "plotly.html"

_STRING = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'"
# Plotly's rules: an object literal whose first key is "X,X div"; plotly.js then
# writes X as ".js-plotly-plot .plotly" and Y as ".plotly-notifier".
FIRST_RULE = '"X,X div"'
# One "key": "value" entry of that literal; a key may also be a bare name (Y).
_ENTRY = re.compile(rf"\s*({_STRING}|[A-Za-z_$][\w$]*)\s*:\s*({_STRING})\s*([,}}])")
# A bundled library's sheet: e.id="ID",e.textContent='CSS' after createElement("style").
_EMBEDDED = re.compile(rf"(\w+)\.id=\"([\w-]+)\",\1\.textContent=({_STRING})")


def _unquote(literal: str) -> str:
    if literal[0] not in "'\"":
        return literal
    return re.sub(r"\\(.)", r"\1", literal[1:-1])


def _entries(literal: str) -> list[tuple[str, str]]:
    """Every entry of the object literal, in order; anything else is an error."""
    entries, pos = [], 1  # after "{"
    while pos < len(literal):
        match = _ENTRY.match(literal, pos)
        if not match:
            raise ValueError(f"unexpected text in Plotly's rules: {literal[pos : pos + 40]!r}")
        entries.append((_unquote(match.group(1)), _unquote(match.group(2))))
        pos = match.end()
        if match.group(3) == "}":
            break
    return entries


def _selector(key: str) -> str:
    key = re.sub(r"^,", " ,", key)
    return key.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")


def plotly_rules(bundle: str) -> str:
    """Plotly's own stylesheet, in the order plotly.js leaves it."""
    start = bundle.rindex("{", 0, bundle.index(FIRST_RULE))
    rules = [(_selector(key), body) for key, body in _entries(bundle[start:])]
    # plotly.js inserts each rule at the top of its sheet: the last one comes first.
    return "".join(f"{selector} {{{body}}}\n" for selector, body in reversed(rules))


def embedded_sheets(bundle: str) -> dict[str, str]:
    """The stylesheets bundled libraries inject, by the id of their <style> element."""
    return {match[1]: _unquote(match[2]) + "\n" for match in _EMBEDDED.findall(bundle)}


def outputs(bundle: str) -> dict[Path, str]:
    """Every file to write, with its text."""
    version = re.search(r"plotly\.js v([\w.-]+)", bundle)
    origin = f"plotly.js {version.group(1) if version else '(unknown version)'} (MIT licence)"
    note = f"from {origin}, written by scripts/plotly_styles.py"
    files = {VENDOR / "plotly.css": f"/* Plotly's stylesheet {note}. */\n{plotly_rules(bundle)}"}
    links = [
        '<link id="plotly.js-style-global" class="no-inline-styles" rel="stylesheet" '
        "href=\"{% static 'vendor/plotly.css' %}\">"
    ]
    for element_id, css in embedded_sheets(bundle).items():
        name = f"plotly-{element_id[:12]}.css"
        files[VENDOR / name] = f"/* A stylesheet bundled in Plotly, {note}. */\n{css}"
        links.append(
            f'<link id="{element_id}" rel="stylesheet" href="{{% static \'vendor/{name}\' %}}">'
        )
    files[TEMPLATE] = (
        "{% load static %}{# Written by scripts/plotly_styles.py: the stylesheets Plotly would "
        "inject, as files under the ids it looks for (the Content-Security-Policy refuses "
        "inline styles). #}\n"
        + "\n".join(links)
        + "\n<script src=\"{% static 'vendor/plotly.min.js' %}\" defer></script>\n"
    )
    return files


def main() -> int:
    for path, text in outputs(BUNDLE.read_text(encoding="utf-8")).items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
