"""A large timeline in the browser: a density strip that turns into single events,
fetched from the JSON API, as the user zooms in; and back into counts as they zoom out.

Screenshots go to /tmp (never into the repository).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from timeline.charts import DETAIL_LIMIT
from timeline.synthetic import synthesize

from .conftest import SHOTS, chart_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENTS = 1200


def zoom(page, start: str, end: str) -> None:
    """Show the dates from ``start`` to ``end``, as a scroll of the wheel would."""
    page.evaluate(
        """([start, end]) => Plotly.relayout(
            document.getElementById("timeline-chart"), {"xaxis.range": [start, end]}
        )""",
        [start, end],
    )


def test_zooming_in_turns_the_density_strip_into_single_events(ui):
    assert EVENTS > DETAIL_LIMIT
    synthesize(EVENTS, seed=11)
    page = ui.page
    page.goto(ui.url("/"))
    chart_drawn(page)
    chart = page.locator("#timeline-chart")
    expect(chart).to_have_attribute("data-view", "density")
    assert page.locator("#timeline-chart .bars path").count() > 20  # cells of the strip
    expect(page.locator("#chart-view")).to_contain_text("zoom in to see single events")
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=f"{SHOTS}/density-all.png")

    with page.expect_response(lambda r: "/api/events.json?" in r.url) as fetched:
        zoom(page, "2025-06-01", "2025-09-30")  # synthetic news runs to 2025
    api = fetched.value
    assert "from=" in api.url and "to=" in api.url and api.status == 200
    expect(chart).to_have_attribute("data-view", "detail")
    marks = page.locator("#timeline-chart .scatterlayer .point, #timeline-chart .bars path")
    expect(marks.first).to_be_visible()
    shown = int(chart.get_attribute("data-in-view"))
    assert 0 < shown <= DETAIL_LIMIT
    assert api.json()["count"] == shown
    expect(page.locator("#chart-view")).to_contain_text(f"Showing the {shown} event")
    chart.screenshot(path=f"{SHOTS}/density-zoomed.png")

    # A mark opens its event, as on a small timeline.
    page.locator("#timeline-chart .scatterlayer .point").first.click(force=True)
    expect(page.locator("#panel .event-detail")).to_have_count(1)

    page.evaluate(
        "Plotly.relayout(document.getElementById('timeline-chart'), {'xaxis.autorange': true})"
    )
    expect(chart).to_have_attribute("data-view", "density")
    assert ui.errors == []
