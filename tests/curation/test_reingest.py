"""The real extraction over the seeds, an editor at work in the admin, then
re-ingest and re-extraction: nothing the editor did may be undone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from timeline import services
from timeline.models import Actor, ActorAlias, Article, Country, Event, Evidence, Mention, Sentence

from .conftest import SEEDS, post_change


@pytest.fixture
def seeded(db):
    report = services.ingest_paths([SEEDS])
    assert report.ok, report.failed
    assert Event.objects.visible().count() >= 3
    return report


def snapshot() -> dict:
    """Everything ingest or extraction could add, remove or rewrite."""
    return {
        "articles": sorted(
            Article.objects.values_list("id", "title", "published", "published_source")
        ),
        "sentences": sorted(Sentence.objects.values_list("id", "article_id", "index")),
        "events": sorted(
            Event.objects.values_list(
                "id", "title", "type", "start", "end", "date_display", "hidden", "merged_into"
            )
        ),
        "countries": sorted(Event.countries.through.objects.values_list("event_id", "country_id")),
        "actors": sorted(Event.actors.through.objects.values_list("event_id", "actor_id")),
        "evidence": sorted(
            Evidence.objects.values_list("event_id", "sentence_id", "origin", "rejected")
        ),
        "actor_rows": sorted(Actor.objects.values_list("id", "name", "merged_into")),
        "aliases": sorted(ActorAlias.objects.values_list("actor_id", "name")),
        "mentions": Mention.objects.count(),
    }


def again() -> None:
    """Every way extraction runs again: the same seeds, then a full re-extraction."""
    report = services.ingest_paths([SEEDS])
    assert report.created == [] and report.ok
    services.reextract()


def sentences_of(event: Event) -> set[int]:
    return set(event.evidence.filter(rejected=False).values_list("sentence_id", flat=True))


def event_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


def best_supported_event() -> Event:
    return max(Event.objects.visible(), key=lambda e: (len(sentences_of(e)), -e.pk))


# --- Idempotence ------------------------------------------------------------


def test_reingesting_the_seeds_adds_nothing_and_removes_nothing(seeded):
    before = snapshot()

    again()

    assert snapshot() == before


def test_after_an_editors_work_reingesting_changes_nothing(editor_client, seeded):
    event = best_supported_event()
    post_change(editor_client, event_url(event), title="Checked by an editor", verified="on")
    services.reextract()
    before = snapshot()

    again()

    assert snapshot() == before


# --- Edited fields ----------------------------------------------------------


def test_an_edited_title_and_date_survive_reingest_and_reextraction(editor_client, seeded):
    event = best_supported_event()
    post_change(
        editor_client,
        event_url(event),
        title="Title fixed by an editor",
        start="1999-12-31",
        end="1999-12-31",
        precision="day",
    )

    again()

    event.refresh_from_db()
    assert event.title == "Title fixed by an editor"
    assert (event.start, event.end) == (dt.date(1999, 12, 31), dt.date(1999, 12, 31))
    assert event.edtf == "1999-12-31"
    assert event.merged_into is None and not event.hidden


def test_edited_countries_survive_reextraction(editor_client, seeded):
    event = best_supported_event()
    extracted = set(event.countries.values_list("iso3", flat=True))
    chosen = Country.objects.exclude(iso3__in=extracted).first() or Country.objects.create(
        iso3="ISL", name="Iceland"
    )

    post_change(editor_client, event_url(event), countries=[chosen.pk])
    again()

    assert list(event.countries.values_list("iso3", flat=True)) == [chosen.pk]


def test_only_the_edited_field_is_frozen_the_others_still_follow_extraction(editor_client, seeded):
    event = best_supported_event()
    post_change(editor_client, event_url(event), title="Editor's title")
    # Extraction's value for a field the editor never touched comes back.
    Event.objects.filter(pk=event.pk).update(date_rule="stale")

    services.reextract()

    event.refresh_from_db()
    assert event.title == "Editor's title"
    assert event.date_rule != "stale"


# --- Evidence ---------------------------------------------------------------


def test_a_rejected_sentence_is_not_added_back(editor_client, seeded):
    event = best_supported_event()
    page = editor_client.get(event_url(event))
    forms = page.context["inline_admin_formsets"][0].formset.forms
    index, form = next((i, f) for i, f in enumerate(forms) if f.instance.pk)
    sentence = form.instance.sentence
    kept = sentences_of(event) - {sentence.pk}
    visible = Event.objects.visible().count()

    post_change(editor_client, event_url(event), **{f"evidence-{index}-rejected": "on"})
    again()

    link = Evidence.objects.get(event=event, sentence=sentence)
    assert link.rejected
    assert sentences_of(event) == kept
    # ...and it did not come back as an event of its own either.
    assert Event.objects.visible().count() == visible


def test_rejecting_the_only_sentence_of_an_event_does_not_spawn_a_new_event(editor_client, seeded):
    event = min(Event.objects.visible(), key=lambda e: (len(sentences_of(e)), e.pk))
    events = Event.objects.count()
    page = editor_client.get(event_url(event))
    forms = page.context["inline_admin_formsets"][0].formset.forms
    rejections = {f"evidence-{i}-rejected": "on" for i, f in enumerate(forms) if f.instance.pk}

    post_change(editor_client, event_url(event), **rejections)
    again()

    assert sentences_of(event) == set()
    assert Event.objects.count() == events


def test_a_sentence_an_editor_added_stays_on_the_event(editor_client, seeded):
    event = best_supported_event()
    foreign = Sentence.objects.exclude(evidence__isnull=False).first()
    page = editor_client.get(event_url(event))
    extra = len(page.context["inline_admin_formsets"][0].formset.forms) - 1

    post_change(editor_client, event_url(event), **{f"evidence-{extra}-sentence": foreign.pk})
    again()

    link = Evidence.objects.get(event=event, sentence=foreign)
    assert link.origin == Evidence.Origin.EDITOR and not link.rejected


# --- Merge and split --------------------------------------------------------


def test_a_merge_stays_merged(editor_client, seeded):
    first, second = Event.objects.visible().order_by("pk")[:2]
    together = sentences_of(first) | sentences_of(second)
    visible = Event.objects.visible().count()
    bystanders = {
        e.pk: sentences_of(e) for e in Event.objects.visible().exclude(pk__in=[first.pk, second.pk])
    }

    editor_client.post(
        reverse("admin:timeline_event_merge"),
        {"ids": f"{first.pk},{second.pk}", "target": first.pk},
    )
    again()

    second.refresh_from_db()
    assert second.merged_into_id == first.pk
    assert sentences_of(first) == together
    assert not Event.objects.visible().filter(pk=second.pk).exists()
    assert Event.objects.visible().count() == visible - 1
    # Events that merely shared a sentence with the merged ones are untouched.
    assert {pk: sentences_of(Event.objects.get(pk=pk)) for pk in bystanders} == bystanders


def test_a_split_stays_split(editor_client, seeded):
    event = best_supported_event()
    links = list(event.evidence.filter(rejected=False).order_by("pk"))
    moving = links[len(links) // 2 :]
    visible = Event.objects.visible().count()

    response = editor_client.post(
        reverse("admin:timeline_event_split", args=[event.pk]),
        {"title": "The other happening", "evidence": [e.pk for e in moving]},
    )
    assert response.status_code == 302
    new = Event.objects.get(title="The other happening")
    stays = sentences_of(event)
    moved = sentences_of(new)
    bystanders = {
        e.pk: sentences_of(e) for e in Event.objects.visible().exclude(pk__in=[event.pk, new.pk])
    }
    again()

    assert sentences_of(event) == stays
    assert sentences_of(new) == moved == {e.sentence_id for e in moving}
    assert Event.objects.visible().count() == visible + 1
    assert {pk: sentences_of(Event.objects.get(pk=pk)) for pk in bystanders} == bystanders


def test_an_actor_merge_stays_merged(editor_client, seeded):
    with_events = [a for a in Actor.objects.order_by("pk") if a.events.exists()]
    survivor, duplicate = with_events[:2]
    duplicate_events = set(duplicate.events.values_list("pk", flat=True))

    editor_client.post(
        reverse("admin:timeline_actor_merge"),
        {"ids": f"{survivor.pk},{duplicate.pk}", "target": survivor.pk},
    )
    again()

    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == survivor.pk
    assert not duplicate.events.exists()
    assert not duplicate.aliases.exists()  # extraction files new aliases on the survivor
    assert duplicate_events <= set(survivor.events.values_list("pk", flat=True))
    assert not Mention.objects.filter(actor=duplicate).exists()


def test_an_alias_the_editor_removed_is_not_added_back(editor_client, seeded):
    actor = next(a for a in Actor.objects.order_by("pk") if a.aliases.count() >= 1)
    url = reverse("admin:timeline_actor_change", args=[actor.pk])
    forms = editor_client.get(url).context["inline_admin_formsets"][0].formset.forms
    index, form = next((i, f) for i, f in enumerate(forms) if f.instance.pk)
    removed = form.instance.name

    post_change(editor_client, url, **{f"aliases-{index}-DELETE": "on"})
    again()

    assert not actor.aliases.filter(name=removed).exists()


# --- Articles ---------------------------------------------------------------


def _article_with_a_guessed_date() -> Article:
    """An article whose publication date extraction inferred (or could not find)."""
    guessed = Article.objects.exclude(
        published_source__in=[Article.DateSource.HEADER, Article.DateSource.DATELINE]
    )
    article = guessed.order_by("pk").first()
    assert article is not None, "the seeds should hold an article without a stated date"
    return article


def _resolved_dates(article: Article) -> list[str]:
    return sorted(article.mentions.filter(kind=Mention.Kind.DATE).values_list("value", flat=True))


def test_an_editor_set_publication_date_is_kept_and_its_dates_re_resolve(editor_client, seeded):
    article = _article_with_a_guessed_date()
    before = _resolved_dates(article)
    evidence_dates = sorted(
        Evidence.objects.filter(sentence__article=article).values_list("date_display", flat=True)
    )
    # A year later: every relative date ("last year", "on Friday") moves.
    new_date = (article.published or dt.date(2025, 4, 11)) + dt.timedelta(days=364)

    post_change(
        editor_client,
        reverse("admin:timeline_article_change", args=[article.pk]),
        published=new_date.isoformat(),
    )

    article.refresh_from_db()
    assert article.published == new_date
    assert article.published_source == Article.DateSource.EDITOR
    assert _resolved_dates(article) != before
    assert (
        sorted(
            Evidence.objects.filter(sentence__article=article).values_list(
                "date_display", flat=True
            )
        )
        != evidence_dates
    )

    again()

    article.refresh_from_db()
    assert article.published == new_date
    assert article.published_source == Article.DateSource.EDITOR


def test_pasting_an_article_in_the_admin_extracts_it_and_pasting_again_adds_nothing(
    editor_client, db
):
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    url = reverse("admin:timeline_article_add")

    response = editor_client.post(url, {"text": text})

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.sentences.exists()
    assert Event.objects.visible().exists()
    events = Event.objects.count()

    again_response = editor_client.post(url, {"text": text})
    assert again_response.status_code == 302
    assert Article.objects.count() == 1
    assert Event.objects.count() == events


def test_uploading_a_txt_file_in_the_admin_adds_the_article(editor_client, db):
    path = sorted(SEEDS.glob("*.txt"))[1]

    response = editor_client.post(
        reverse("admin:timeline_article_add"),
        {"file": SimpleUploadedFile(path.name, path.read_bytes(), "text/plain")},
    )

    assert response.status_code == 302
    assert Article.objects.get().source_name == path.name


def test_the_reextract_action_keeps_editors_changes(editor_client, seeded):
    event = best_supported_event()
    post_change(editor_client, event_url(event), title="Kept through the action")

    response = editor_client.post(
        reverse("admin:timeline_article_changelist"),
        {
            "action": "reextract",
            "_selected_action": list(Article.objects.values_list("pk", flat=True)),
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Kept through the action"


def test_every_admin_page_renders_for_an_editor_with_the_seeds(editor_client, seeded):
    event = best_supported_event()
    article = Article.objects.order_by("pk").first()
    actor = Actor.objects.order_by("pk").first()
    link = Evidence.objects.order_by("pk").first()
    urls = [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_changelist") + "?state=conflicts",
        event_url(event),
        reverse("admin:timeline_event_history", args=[event.pk]),
        reverse("admin:timeline_event_split", args=[event.pk]),
        reverse("admin:timeline_event_merge") + f"?ids={event.pk},{event.pk + 1}",
        reverse("admin:timeline_article_changelist"),
        reverse("admin:timeline_article_change", args=[article.pk]),
        reverse("admin:timeline_article_history", args=[article.pk]),
        reverse("admin:timeline_article_add"),
        reverse("admin:timeline_actor_changelist"),
        reverse("admin:timeline_actor_change", args=[actor.pk]),
        reverse("admin:timeline_actor_merge") + f"?ids={actor.pk},{actor.pk + 1}",
        reverse("admin:timeline_evidence_changelist"),
        reverse("admin:timeline_evidence_change", args=[link.pk]),
        reverse("admin:timeline_country_changelist") + "?q=kor",
        reverse("admin:timeline_sentence_changelist") + "?q=embass",
    ]
    for url in urls:
        assert editor_client.get(url).status_code == 200, url


def test_the_duplicate_of_an_article_set_by_an_editor_is_kept(editor_client, seeded):
    copy, original = Article.objects.order_by("pk")[:2]
    post_change(
        editor_client,
        reverse("admin:timeline_article_change", args=[copy.pk]),
        duplicate_of=original.pk,
    )

    again()

    copy.refresh_from_db()
    assert copy.duplicate_of == original


def test_a_link_moved_to_another_event_in_the_evidence_admin_stays_moved(editor_client, seeded):
    source = best_supported_event()
    link = source.evidence.filter(rejected=False).order_by("pk").first()
    target = next(
        e
        for e in Event.objects.visible().order_by("pk")
        if e.pk != source.pk and link.sentence_id not in sentences_of(e)
    )

    post_change(
        editor_client,
        reverse("admin:timeline_evidence_change", args=[link.pk]),
        event=target.pk,
    )
    again()

    assert link.sentence_id in sentences_of(target)
    assert link.sentence_id not in sentences_of(source)
    assert Evidence.objects.get(event=source, sentence=link.sentence).rejected


def test_an_event_an_editor_creates_with_a_source_sentence_is_kept(editor_client, seeded):
    sentence = Sentence.objects.order_by("pk").last()
    post_change(
        editor_client,
        reverse("admin:timeline_event_add"),
        title="An event extraction missed",
        type="meet",
        status="done",
        start="2025-01-15",
        precision="day",
        **{"evidence-0-sentence": sentence.pk},
    )
    event = Event.objects.get(title="An event extraction missed")

    again()

    event.refresh_from_db()
    assert event.title == "An event extraction missed"
    assert event.end == dt.date(2025, 1, 15)
    assert event.date_display == "15 January 2025"
    assert sentences_of(event) == {sentence.pk}


def test_after_merges_splits_rejections_and_edits_a_second_pass_changes_nothing(
    editor_client, seeded
):
    events = list(Event.objects.visible().order_by("pk"))
    editor_client.post(
        reverse("admin:timeline_event_merge"),
        {"ids": f"{events[0].pk},{events[1].pk}", "target": events[0].pk},
    )
    big = best_supported_event()
    links = list(big.evidence.filter(rejected=False).order_by("pk"))
    editor_client.post(
        reverse("admin:timeline_event_split", args=[big.pk]),
        {"title": "Split half", "evidence": [links[-1].pk]},
    )
    post_change(editor_client, event_url(events[2]), title="Edited", countries=[])
    actors = [a for a in Actor.objects.order_by("pk") if a.events.exists()][:2]
    editor_client.post(
        reverse("admin:timeline_actor_merge"),
        {"ids": ",".join(str(a.pk) for a in actors), "target": actors[0].pk},
    )
    services.reextract()
    settled = snapshot()
    history = sum(m.history.count() for m in (Event, Evidence, Actor, Article))

    again()

    assert snapshot() == settled
    # Nothing was rewritten either: no new history rows.
    assert sum(m.history.count() for m in (Event, Evidence, Actor, Article)) == history


def test_reverting_a_title_in_history_keeps_the_other_edits_and_the_choice(editor_client, seeded):
    event = best_supported_event()
    post_change(editor_client, event_url(event), countries=[])
    post_change(editor_client, event_url(event), title="A wrong fix")
    before_title_fix = event.history.filter(edited_fields=[]).first()  # before any edit
    assert before_title_fix is not None
    url = reverse(
        "admin:timeline_event_simple_history", args=[event.pk, before_title_fix.history_id]
    )

    post_change(editor_client, url)
    again()

    event.refresh_from_db()
    assert event.title == before_title_fix.title
    # The version reverted to predates the countries edit; that edit stays.
    assert {"title", "countries"} <= set(event.edited_fields)
    assert not event.countries.exists()
