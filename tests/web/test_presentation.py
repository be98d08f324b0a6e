"""What the pages say, the way a newcomer reads them (issue #12): sources counted one way,
differences after the sources, uncertain dates explained, errors shown, downloads filtered."""

from __future__ import annotations

import re

import pytest

from timeline.models import Article, Sentence
from timeline.presentation import discrepancies

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def name_conflict(*names: tuple[str, str]) -> dict:
    """A stored name conflict: (value, article slug) per claim."""
    return {
        "field": "name",
        "claims": [
            {"value": value, "article": slug, "sentence": 1, "text": f"{value} said.", "url": None}
            for value, slug in names
        ],
    }


def test_spellings_of_one_name_are_aliases_not_a_difference():
    found = discrepancies([name_conflict(("Omar Haddad", "a"), ("Umar Hadad", "b"))])
    assert found == []


def test_a_different_given_name_is_a_quiet_note_with_the_spellings_grouped():
    [found] = discrepancies(
        [name_conflict(("Omar Haddad", "a"), ("Umar Hadad", "b"), ("Karim Haddad", "c"))]
    )
    assert not found.major
    assert [side.value for side in found.sides] == ["Omar Haddad", "Karim Haddad"]
    assert found.sides[0].variants == ["Umar Hadad"]
    assert found.sides[0].articles == 2


def test_a_date_difference_comes_first_and_stands_out():
    date = {"field": "date", "claims": [
        {"value": "2024", "article": "a", "sentence": 1, "text": "", "url": None},
        {"value": "2023", "article": "b", "sentence": 2, "text": "", "url": None},
    ]}  # fmt: skip
    found = discrepancies([name_conflict(("Omar Haddad", "a"), ("Karim Haddad", "b")), date])
    assert [d.field for d in found] == ["date", "name"]
    assert found[0].major


def test_the_event_page_counts_articles_and_sentences_and_puts_differences_last(client, world):
    page = html(client.get(f"/events/{world.established.pk}/"))
    assert "Sources: 2 articles, 2 sentences" in page
    assert "Sources disagree" not in page
    sources, differences = page.index("Sources: 2 articles"), page.index("Where the sources differ")
    assert sources < differences
    # The date is the difference that matters: said next to the date, linked to the details.
    assert page.index("the sources give different dates") < sources


def test_the_list_and_the_chart_count_sources_the_same_way(client, world):
    page = html(client.get("/"))
    assert "2 articles, 2 sentences" in page  # the list
    assert page.count("2 articles, 2 sentences") >= 2  # and the chart's hover text
    assert " sources<" not in page


def test_a_sentence_repeated_word_for_word_in_its_article_is_one_source(
    client, world, make_article, make_event
):
    article = make_article(
        "Avalon opens an embassy in Borduria",
        "Avalon opens an embassy in Borduria",
        "The embassy opened on Monday.",
        title="Embassy",
        slug="embassy",
    )
    event = make_event(
        "Avalon opens an embassy",
        countries=("AAA", "BBB"),
        sentences=tuple(article.sentences.all()),
    )
    page = html(client.get(f"/events/{event.pk}/"))
    assert "Sources: 1 article, 2 sentences" in page
    assert page.count("<blockquote") == 2
    assert 'repeated word for word as <a href="/articles/embassy/#s2">sentence 2</a>' in page
    assert "1 article, 2 sentences" in html(client.get("/"))


def test_an_uncertain_date_says_why_on_hover(client, world):
    page = html(client.get("/"))
    badge = re.search(r'<span class="badge badge-uncertain" title="([^"]+)">', page)
    assert badge.group(1) == "Why: Only the year is given."
    world.established.date_certain = False
    world.established.save()
    page = html(client.get("/"))
    assert "Why: the sources give different dates: 10 April 2025 (1 sentence)" in page


def test_article_page_folds_the_machine_reasoning(client, world):
    Article.objects.filter(pk=world.first.pk).update(
        published_evidence="Inferred: the 10th matches Thursday in another article."
    )
    page = html(client.get("/articles/relations-established/"))
    folded = re.search(r"<details class=\"reasoning\">(.*?)</details>", page, re.S)
    assert folded and "Inferred: the 10th matches Thursday" in folded.group(1)


def test_the_explanations_and_the_anchors_number_sentences_alike(client, world):
    sentence = Sentence.objects.get(article=world.second, index=1)
    assert sentence.number == 2
    assert sentence.get_absolute_url() == "/articles/ties-restored/#s2"
    page = html(client.get("/articles/ties-restored/"))
    assert f'id="s2" tabindex="-1">{sentence.text}' in page


def test_home_page_says_what_the_data_is(client, world):
    page = html(client.get("/"))
    assert "A timeline of diplomatic relations read from 2 news articles" in page


def test_the_download_menu_carries_the_filters(client, world):
    page = html(client.get("/?country=AAA&type=meet&page=1"))
    menu = re.search(r'<details class="downloads">(.*?)</details>', page, re.S).group(1)
    links = re.findall(r'href="([^"]+)"', menu)
    assert links == [
        "/export/events.csv?country=AAA&amp;type=meet",
        "/export/events.ics?country=AAA&amp;type=meet",
        "/export/timelinejs.json?country=AAA&amp;type=meet",
        "/api/events.json?country=AAA&amp;type=meet",
    ]


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("abc", "Enter a whole number."),
        ("0", "greater than or equal to 1"),
        ("9", "There is 1 page."),
    ],
)
def test_a_bad_page_number_is_an_error_on_the_page(client, world, number, message):
    response = client.get(f"/?page={number}")
    page = html(response)
    errors = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', page, re.S)
    assert errors and "page" in errors.group(1) and message in errors.group(1)
    assert world.meeting.title in page  # the nearest page is still shown


def test_the_api_counts_its_pages_in_good_english(client, world):
    response = client.get("/api/events.json?page=2")
    assert response.json()["errors"]["page"][0]["message"] == "There is 1 page."


def test_an_event_opened_from_a_filtered_view_leads_back_to_it(client, world):
    page = html(client.get("/?country=AAA"))
    push = f'hx-push-url="/events/{world.meeting.pk}/?country=AAA"'
    assert push in page
    event_page = html(client.get(f"/events/{world.meeting.pk}/?country=AAA"))
    assert '<a href="/?country=AAA">← Back to the filtered timeline</a>' in event_page
    assert '<a href="/">← Timeline</a>' in html(client.get(f"/events/{world.meeting.pk}/"))


def test_a_count_of_two_scopes_is_a_quiet_note(client, world):
    world.established.conflicts = [
        {"field": "count", "claims": [
            {"value": "194", "article": world.first.slug, "sentence": 0, "text": "194th partner"},
            {"value": "191", "article": world.second.slug, "sentence": 0, "text": "191 members"},
        ]},
    ]  # fmt: skip
    world.established.save()
    page = html(client.get(f"/events/{world.established.pk}/"))
    assert "discrepancy-major" not in page
    assert "The figures may count different things." in page
    assert "“194” in 1 article; “191” in 1 article" in page
