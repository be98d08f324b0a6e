"""The GET filters, shared by the page, the API and the exports."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.filters import parse_partial_date

pytestmark = pytest.mark.django_db


def ids(client, query: str) -> list[int]:
    response = client.get(f"/api/events.json?{query}")
    assert response.status_code == 200, response.content
    return [event["id"] for event in response.json()["events"]]


@pytest.mark.parametrize(
    ("text", "end_of_period", "expected"),
    [
        ("2024", False, dt.date(2024, 1, 1)),
        ("2024", True, dt.date(2024, 12, 31)),
        ("2024-02", False, dt.date(2024, 2, 1)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2024-02-10", True, dt.date(2024, 2, 10)),
    ],
)
def test_partial_dates_cover_their_whole_period(text, end_of_period, expected):
    assert parse_partial_date(text, end_of_period=end_of_period) == expected


def test_country_filter(client, world):
    assert ids(client, "country=CCC") == [world.old.pk, world.criticism.pk]


def test_country_filter_is_case_insensitive(client, world):
    assert ids(client, "country=ccc") == [world.old.pk, world.criticism.pk]


def test_repeated_countries_must_all_take_part(client, world):
    assert ids(client, "country=AAA&country=BBB") == [world.established.pk, world.meeting.pk]
    assert ids(client, "country=BBB&country=CCC") == []


def test_actor_filter(client, world):
    assert ids(client, "actor=bo-envoy") == [world.established.pk]
    assert ids(client, "actor=ada-minister") == [world.established.pk, world.meeting.pk]


def test_type_filter(client, world):
    assert ids(client, "type=meet") == [world.meeting.pk]


def test_date_range_accepts_years_months_and_days(client, world):
    assert ids(client, "from=2024&to=2024") == [world.criticism.pk]
    assert ids(client, "from=2025-04") == [world.established.pk, world.meeting.pk]
    assert ids(client, "to=1966-06-30") == [world.old.pk]  # a year-long span overlaps


def test_text_filter_searches_titles_and_sentences(client, world):
    assert ids(client, "q=criticises") == [world.criticism.pk]  # title
    assert ids(client, "q=capital") == [world.meeting.pk]  # sentence only


def test_source_article_filter(client, world):
    assert ids(client, "article=ties-restored") == [world.criticism.pk, world.established.pk]


def test_filters_combine(client, world):
    assert ids(client, "country=AAA&type=establish_relations&from=2025&q=established") == [
        world.established.pk
    ]


def test_a_real_country_without_events_is_an_empty_answer_not_an_error(client, world):
    assert ids(client, "country=FRA") == []


@pytest.mark.parametrize(
    "query",
    [
        "from=yesterday",
        "to=2024-13",
        "from=2024-02-30",
        "from=2025&to=2024",
        "country=XX",
        "country=QQQ",
        "actor=nobody",
        "type=teleport",
        "article=missing",
        "lanes=diagonal",
        "page=0",
        "page=abc",
        "page_size=500",
        "page=99",
    ],
)
def test_api_rejects_a_bad_value_with_a_json_error(client, world, query):
    response = client.get(f"/api/events.json?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    name = query.split("=")[0]
    errors = response.json()["errors"]
    assert name in errors or ("to" in errors and name == "from")


@pytest.mark.parametrize("query", ["from=yesterday", "country=QQQ", "type=teleport"])
def test_page_shows_a_bad_value_as_a_form_error(client, world, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="form-errors" role="alert"' in page
    assert "chip-invalid" in page


def test_page_keeps_the_valid_filters_when_one_is_bad(client, world):
    page = client.get("/?country=CCC&from=yesterday").content.decode()
    assert world.criticism.title in page
    assert world.meeting.title not in page


def test_export_rejects_a_bad_value(client, world):
    response = client.get("/export/events.csv?to=soon")
    assert response.status_code == 400
    assert "to" in response.content.decode()


ODD_QUERIES = [
    "country=",
    "country=%00",
    "country=A%27%3B--",
    "actor=%2F..%2F",
    "from=0000",
    "from=9999-99-99",
    "from=2024-1",
    "to=-1",
    "q=" + "x" * 500,
    "q=%E2%80%AE%F0%9F%98%80",
    "article=%3Cscript%3E",
    "type=&type=meet",
    "page=99999999999999999999",
    "page_size=-5",
    "lanes=",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize(
    "path", ["/", "/api/events.json", "/export/events.csv", "/export/events.ics"]
)
def test_odd_query_strings_never_cause_a_server_error(client, world, path, query):
    assert client.get(f"{path}?{query}").status_code in (200, 400)


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_query_strings_in_htmx_requests(client, world, query):
    response = client.get(f"/?{query}", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters")
    assert response.status_code == 200
