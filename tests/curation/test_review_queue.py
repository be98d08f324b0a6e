"""The review queue: which sentences it lists, what an editor does with each, and that
every decision survives re-extraction (made events, attached sentences, dismissals)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from timeline import review, services
from timeline.models import Article, Country, Dismissal, Event, Evidence, Mention, Sentence

from .conftest import SEEDS

QUEUE = "/admin/timeline/reviewsentence/"

pytestmark = pytest.mark.django_db


def review_url(sentence: Sentence) -> str:
    return reverse("admin:timeline_reviewsentence_review", args=[sentence.pk])


def mark(sentence: Sentence, kind: str, text: str = "x", **links) -> Mention:
    if kind == Mention.Kind.DATE:
        links.setdefault("value", text)  # placed by the extraction
    return Mention.objects.create(
        article=sentence.article,
        sentence=sentence,
        start=sentence.start,
        end=sentence.start + len(text),
        text=text,
        kind=kind,
        **links,
    )


@pytest.fixture
def lines(make_article, make_actor, make_event):
    """One article, a sentence per case the queue must tell apart."""
    Country.objects.create(iso3="AAA", name="Avalon")
    Country.objects.create(iso3="BBB", name="Borduria")
    envoy = make_actor("Bo Envoy")
    article = make_article(
        "Avalon opened talks on 3 May 2024.",  # 0 date + country: listed
        "The envoy arrived on 4 May 2024.",  # 1 date + actor: listed
        "It rained on 5 May 2024.",  # 2 date only
        "Avalon is large.",  # 3 country only
        "Avalon signed a pact on 6 May 2024.",  # 4 already evidence
        "Avalon met Borduria on 7 May 2024.",  # 5 evidence rejected by an editor: listed
        "Avalon protested on 8 May 2024.",  # 6 dismissed
        "Avalon will answer soon.",  # 7 a date word the extraction could not place
        published=dt.date(2024, 5, 9),
    )
    s = {i: article.sentences.get(index=i) for i in range(8)}
    for i in (0, 1, 2, 4, 5, 6):
        mark(s[i], Mention.Kind.DATE, "May 2024")
    for i in (0, 3, 4, 5, 6):
        mark(s[i], Mention.Kind.COUNTRY, "Avalon", country_id="AAA")
    mark(s[5], Mention.Kind.COUNTRY, "Borduria", country_id="BBB")
    mark(s[1], Mention.Kind.PERSON, "envoy", actor=envoy)
    mark(s[7], Mention.Kind.DATE, "soon", value="")
    mark(s[7], Mention.Kind.COUNTRY, "Avalon", country_id="AAA")
    pact = make_event("Avalon signs a pact", type="sign_agreement", sentences=(s[4],))
    talks = make_event("Avalon and Borduria meet", type="meet", sentences=(s[5],))
    Evidence.objects.filter(event=talks).update(rejected=True)
    review.dismiss([s[6]])
    return s, pact


def queued() -> list[str]:
    return list(Sentence.objects.awaiting_review().order_by("index").values_list("text", flat=True))


def test_the_queue_lists_dated_sentences_naming_a_country_or_actor_that_no_event_cites(lines):
    s, _ = lines
    assert queued() == [s[0].text, s[1].text, s[5].text]


def test_the_queue_narrows_to_sentences_naming_every_chosen_country(lines):
    s, _ = lines
    only = Sentence.objects.awaiting_review().mentioning(["AAA", "BBB"])
    assert list(only.values_list("text", flat=True)) == [s[5].text]


def test_the_selection_is_one_query(lines, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(list(Sentence.objects.awaiting_review())) == 3


def test_the_queue_page_costs_the_same_queries_for_more_sentences(lines, editor_client):
    s, _ = lines
    with CaptureQueriesContext(connection) as few:
        assert editor_client.get(QUEUE).status_code == 200
    for i in range(30):
        more = Sentence.objects.create(
            article=s[0].article,
            index=100 + i,
            start=1000 + 40 * i,
            end=1030 + 40 * i,
            text=f"S{i}",
        )
        mark(more, Mention.Kind.DATE)
        mark(more, Mention.Kind.COUNTRY, country_id="AAA")
    with CaptureQueriesContext(connection) as many:
        page = editor_client.get(QUEUE)
    assert "S29" in page.content.decode()
    assert len(many) == len(few)


def test_the_queue_page_lists_each_sentence_with_its_names_and_a_dismiss_button(
    lines, editor_client
):
    s, _ = lines
    html = editor_client.get(QUEUE).content.decode()
    assert s[0].text in html and s[2].text not in html
    assert "Bo Envoy" in html
    assert html.count('name="decision" value="dismiss"') == 3
    assert editor_client.get(f"{QUEUE}?country=AAA,BBB").context["cl"].result_count == 1


def test_one_click_dismisses_a_sentence_and_returns_to_the_filtered_queue(lines, editor_client):
    s, _ = lines
    response = editor_client.post(
        review_url(s[0]),
        {"decision": "dismiss"},
        HTTP_REFERER=f"http://testserver{QUEUE}?country=AAA",
    )
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?country=AAA"
    assert s[0].text not in queued()
    assert Dismissal.objects.get(start=s[0].start).dismissed_by.username == "ed"


def test_a_redirect_elsewhere_is_refused(lines, editor_client):
    s, _ = lines
    response = editor_client.post(
        review_url(s[0]), {"decision": "dismiss", "next": "https://elsewhere.example/"}
    )
    assert response["Location"] == QUEUE


def test_the_review_page_prefills_the_event_from_the_sentence(lines, editor_client):
    s, _ = lines
    page = editor_client.get(review_url(s[0]))
    assert page.status_code == 200
    initial = page.context["make"].initial
    assert [c.iso3 for c in initial["countries"]] == ["AAA"]
    assert initial["start"] == dt.date(2024, 5, 3)
    assert initial["precision"] == "day"
    assert initial["type"]
    assert initial["title"]


def test_making_an_event_stores_it_as_the_editors_with_the_sentence(lines, editor_client):
    s, _ = lines
    response = editor_client.post(
        review_url(s[0]),
        {
            "decision": "make",
            "title": "Avalon opens talks",
            "type": "negotiate",
            "status": "done",
            # The prefilled date, sent back unchanged as the browser does.
            "start": "2024-05-03",
            "end": "2024-05-03",
            "precision": "day",
            "countries": ["AAA"],
        },
    )
    assert response.status_code == 302, response.context["make"].errors
    event = Event.objects.get(title="Avalon opens talks")
    assert event.verified
    assert {"title", "type", "start", "countries"} <= set(event.edited_fields)
    assert (event.date_display, event.edtf) == ("3 May 2024", "2024-05-03")
    link = event.evidence.get()
    assert (link.sentence, link.origin) == (s[0], Evidence.Origin.EDITOR)
    assert s[0].text not in queued()


def test_attaching_links_the_sentence_to_the_event(lines, editor_client):
    s, pact = lines
    response = editor_client.post(review_url(s[1]), {"decision": "attach", "event": pact.pk})
    assert response.status_code == 302
    assert pact.evidence.get(sentence=s[1]).origin == Evidence.Origin.EDITOR
    assert s[1].text not in queued()


def test_attaching_again_a_sentence_an_editor_had_rejected_accepts_it(lines):
    s, _ = lines
    talks = Event.objects.get(title="Avalon and Borduria meet")
    review.attach(s[5], talks)
    link = Evidence.objects.get(event=talks, sentence=s[5])
    assert not link.rejected and link.origin == Evidence.Origin.EDITOR


def test_an_unknown_event_number_is_an_error_on_the_page(lines, editor_client):
    s, _ = lines
    page = editor_client.post(review_url(s[1]), {"decision": "attach", "event": 99999})
    assert page.status_code == 200
    assert "There is no such event." in page.content.decode()


def test_a_staff_member_without_the_editor_role_cannot_see_or_work_the_queue(lines):
    s, _ = lines
    user = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get(QUEUE).status_code == 403
    assert client.post(review_url(s[0]), {"decision": "dismiss"}).status_code == 403
    assert s[0].text in queued()


def test_dismissed_sentences_can_return_to_the_queue(lines, editor_client):
    s, _ = lines
    dismissal = Dismissal.objects.get(start=s[6].start)
    editor_client.post(
        "/admin/timeline/dismissal/",
        {"action": "return_to_queue", "_selected_action": [dismissal.pk]},
    )
    assert s[6].text in queued()


def test_the_timeline_shows_editors_the_queue_count_for_its_filter(lines, editor_client, client):
    page = editor_client.get("/?country=BBB").content.decode()
    assert f"{QUEUE}?country=BBB" in page
    assert "1 dated sentence naming BBB is evidence for no event" in page
    assert "3 dated sentences are evidence for no event" in editor_client.get("/").content.decode()
    assert "review-count" not in client.get("/").content.decode()


# --- Over the seeds: decisions survive re-extraction -------------------------


# Dated sentences that name a country but report no diplomatic event: the queue holds
# them whatever the extraction learns, so the tests below never rest on its misses.
NOT_EVENTS = """title: Notes from the region
published: 2024-03-20

Fiji's new fisheries season opened on 3 March 2024 in Suva.
Rainfall in Tonga was heavy on 5 March 2024, the weather office said.
Samoa's central bank published its annual report on 8 March 2024.
"""


@pytest.fixture
def seeded(db, tmp_path):
    (tmp_path / "notes.txt").write_text(NOT_EVENTS, encoding="utf-8")
    report = services.ingest_paths([SEEDS, tmp_path])
    assert report.ok, report.failed


def test_every_queued_seed_sentence_has_a_date_and_a_name_and_no_event(seeded):
    queue = list(Sentence.objects.awaiting_review())
    assert queue
    for sentence in queue:
        kinds = set(sentence.mentions.values_list("kind", flat=True))
        assert Mention.Kind.DATE in kinds
        assert kinds & {"country", "person", "organisation", "group"}
        assert not sentence.evidence.filter(rejected=False).exists()


def test_a_dropped_candidate_is_suggested_with_its_type_and_the_sentences_date(seeded):
    # Whether extraction cites this sentence changes as it improves: an editor rejecting
    # its evidence puts it in the queue either way, and the candidate is still suggested.
    sentence = Sentence.objects.get(text__contains="embassy diplomats")
    sentence.evidence.update(rejected=True)
    assert Sentence.objects.awaiting_review().filter(pk=sentence.pk).exists()
    suggestion = review.suggest(sentence)
    assert suggestion.type == "expel_withdraw"
    assert {"PRK", "SYR"} <= set(suggestion.countries)
    assert suggestion.date.precision == "month"
    assert suggestion.date.start == dt.date(2024, 12, 1)


def test_made_attached_and_dismissed_sentences_stay_decided_through_reextraction(seeded, editor):
    first, second, third, *_ = Sentence.objects.awaiting_review().order_by("pk")
    made = review.make_event(
        first,
        Event(
            title="Made by an editor",
            type="other",
            start=dt.date(2024, 12, 1),
            end=dt.date(2024, 12, 31),
            precision="month",
        ),
        countries=Country.objects.filter(iso3="SYR"),
        actors=[],
        user=editor,
    )
    target = Event.objects.visible().exclude(pk=made.pk).first()
    review.attach(second, target, user=editor)
    review.dismiss([third], user=editor)
    left = set(Sentence.objects.awaiting_review().values_list("pk", flat=True))

    services.reextract()

    made.refresh_from_db()
    assert (made.title, made.type, made.start) == (
        "Made by an editor",
        "other",
        dt.date(2024, 12, 1),
    )
    assert list(made.countries.values_list("iso3", flat=True)) == ["SYR"]
    assert made.evidence.filter(sentence=first, origin=Evidence.Origin.EDITOR).exists()
    assert target.evidence.filter(sentence=second, rejected=False).exists()
    assert set(Sentence.objects.awaiting_review().values_list("pk", flat=True)) == left


def test_a_dismissal_holds_when_the_article_is_split_into_sentences_anew(seeded, editor):
    sentence = Sentence.objects.awaiting_review().first()
    article, start, text = sentence.article, sentence.start, sentence.text
    review.dismiss([sentence], user=editor)
    article.sentences.all().delete()  # as a changed splitter would leave them

    services.reextract([Article.objects.get(pk=article.pk)])

    again = Sentence.objects.get(article=article, start=start)
    assert again.pk != sentence.pk and again.text == text
    assert again.mentions.exists()
    assert not Sentence.objects.awaiting_review().filter(pk=again.pk).exists()
