"""The admin records every editor change so that extraction keeps it.

These tests drive the admin's own forms with a logged-in editor, on data made
with the ORM factories; ``test_reingest.py`` then runs the real extraction
over the seeds and checks that nothing an editor did is undone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from timeline.models import Actor, ActorAlias, Article, Country, Event, Evidence

from .conftest import change_form_data, post_change


def event_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


@pytest.fixture
def two_reports(make_article, make_event):
    article = make_article(
        "Egypt and Israel signed a treaty on 26 March 1979.",
        "The treaty was signed at the White House.",
        "Separately, Egypt recalled its ambassador.",
    )
    s1, s2, s3 = article.sentences.all()
    event = make_event("Treaty signed", countries=("EGY", "ISR"), sentences=(s1, s2, s3))
    return event, (s1, s2, s3)


# --- Editing an event -------------------------------------------------------


def test_editing_title_and_date_in_the_admin_marks_exactly_those_fields(editor_client, two_reports):
    event, _ = two_reports
    post_change(
        editor_client,
        event_url(event),
        title="Egypt–Israel peace treaty signed",
        start="1979-03-26",
        end="1979-03-26",
    )

    event.refresh_from_db()
    assert event.title == "Egypt–Israel peace treaty signed"
    assert event.start == dt.date(1979, 3, 26)
    # The words and EDTF code follow the typed date, and are the editor's too.
    assert event.edtf == "1979-03-26"
    assert "1979" in event.date_display
    assert set(event.edited_fields) == {
        "title",
        "start",
        "end",
        "edtf",
        "date_display",
        "date_rule",
    }


def test_a_date_typed_at_month_precision_is_shown_as_a_month(editor_client, make_event):
    event = make_event("Talks")
    post_change(
        editor_client, event_url(event), start="2024-12-01", end="2024-12-31", precision="month"
    )

    event.refresh_from_db()
    assert event.edtf == "2024-12"
    assert event.date_display == "December 2024"


def test_an_end_before_the_start_is_refused(editor_client, make_event):
    event = make_event("Talks")
    url = event_url(event)
    data = change_form_data(editor_client.get(url))
    data.update(start="2025-05-02", end="2025-05-01")

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "cannot be before the start" in response.content.decode()
    event.refresh_from_db()
    assert event.start == dt.date(2025, 4, 10)


def test_an_unchanged_save_marks_nothing_as_edited(editor_client, two_reports):
    event, _ = two_reports
    post_change(editor_client, event_url(event))

    event.refresh_from_db()
    assert event.edited_fields == []


def test_changing_countries_in_the_admin_marks_countries_edited(editor_client, two_reports):
    event, _ = two_reports
    usa = Country.objects.create(iso3="USA", name="United States")

    post_change(editor_client, event_url(event), countries=["EGY", "ISR", usa.pk])

    event.refresh_from_db()
    assert set(event.countries.values_list("iso3", flat=True)) == {"EGY", "ISR", "USA"}
    assert "countries" in event.edited_fields


def test_verified_and_hidden_flags_are_saved_without_marking_extracted_fields(
    editor_client, two_reports
):
    event, _ = two_reports
    post_change(editor_client, event_url(event), verified="on", hidden="on")

    event.refresh_from_db()
    assert event.verified and event.hidden
    assert event.edited_fields == []


def test_rejecting_evidence_in_the_inline_keeps_the_row_marked_rejected(editor_client, two_reports):
    event, (_, _, recall) = two_reports
    link = Evidence.objects.get(event=event, sentence=recall)
    page = editor_client.get(event_url(event))
    inline = page.context["inline_admin_formsets"][0].formset
    index = next(i for i, form in enumerate(inline.forms) if form.instance.pk == link.pk)

    post_change(editor_client, event_url(event), **{f"evidence-{index}-rejected": "on"})

    link.refresh_from_db()
    assert link.rejected
    assert link.origin == Evidence.Origin.EDITOR
    assert Evidence.objects.filter(event=event).count() == 3


def test_evidence_an_editor_adds_in_the_inline_is_marked_editor(
    editor_client, two_reports, make_article
):
    event, _ = two_reports
    other = make_article("The treaty ended thirty years of war.")
    sentence = other.sentences.get()
    page = editor_client.get(event_url(event))
    extra = len(page.context["inline_admin_formsets"][0].formset.forms) - 1

    post_change(editor_client, event_url(event), **{f"evidence-{extra}-sentence": sentence.pk})

    added = Evidence.objects.get(event=event, sentence=sentence)
    assert added.origin == Evidence.Origin.EDITOR
    assert not added.rejected


def test_the_event_change_page_shows_origin_and_a_split_link(editor_client, two_reports):
    event, _ = two_reports
    page = editor_client.get(event_url(event))
    html = page.content.decode()

    assert reverse("admin:timeline_event_split", args=[event.pk]) in html
    assert "extraction" in html  # the origin column of each evidence row
    assert "Separately, Egypt recalled its ambassador." in html


# --- Actions ----------------------------------------------------------------


def test_mark_verified_action_verifies_the_selected_events(editor_client, make_event):
    events = [make_event("A"), make_event("B")]
    response = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "mark_verified", "_selected_action": [e.pk for e in events]},
    )

    assert response.status_code == 302
    assert Event.objects.filter(verified=True).count() == 2


def test_merge_action_leads_to_a_page_that_merges_into_the_chosen_event(
    editor_client, make_article, make_event
):
    article = make_article("Talks began on Monday.", "Talks started on 3 March.")
    first, second = article.sentences.all()
    older = make_event("Talks begin", sentences=(first,))
    newer = make_event("Talks start", sentences=(second,), start=dt.date(2025, 3, 3))

    chosen = editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_events", "_selected_action": [older.pk, newer.pk]},
    )
    assert chosen.status_code == 302
    page = editor_client.get(chosen["Location"])
    assert page.status_code == 200
    assert page.context["default_target"] == older.pk  # the oldest by default

    done = editor_client.post(
        reverse("admin:timeline_event_merge"),
        {"ids": f"{older.pk},{newer.pk}", "target": newer.pk},
    )

    assert done.status_code == 302
    older.refresh_from_db()
    assert older.merged_into == newer
    assert set(newer.evidence.values_list("sentence__text", flat=True)) == {
        "Talks began on Monday.",
        "Talks started on 3 March.",
    }


def test_split_page_moves_the_ticked_sentences_to_a_new_event(editor_client, two_reports):
    event, (_, _, recall) = two_reports
    link = Evidence.objects.get(event=event, sentence=recall)

    response = editor_client.post(
        reverse("admin:timeline_event_split", args=[event.pk]),
        {"title": "Egypt recalls its ambassador", "evidence": [link.pk]},
    )

    assert response.status_code == 302
    new = Event.objects.get(title="Egypt recalls its ambassador")
    assert list(new.evidence.filter(rejected=False).values_list("sentence", flat=True)) == [
        recall.pk
    ]
    assert event.evidence.filter(rejected=False).count() == 2
    assert response["Location"] == event_url(new)


def test_split_refuses_to_take_every_sentence(editor_client, two_reports):
    event, _ = two_reports
    ids = list(event.evidence.values_list("pk", flat=True))

    response = editor_client.post(
        reverse("admin:timeline_event_split", args=[event.pk]),
        {"title": "Everything", "evidence": ids},
    )

    assert response.status_code == 200
    assert "leave at least one sentence" in response.content.decode()
    assert Event.objects.count() == 1


# --- Actors -----------------------------------------------------------------


def test_actor_merge_action_moves_aliases_events_and_sets_merged_into(
    editor_client, make_actor, make_event
):
    full = make_actor("Hakan Fidan", title="Foreign Minister")
    short = make_actor("Fidan")
    ActorAlias.objects.create(actor=short, name="Turkish FM Fidan")
    event = make_event("Visit", actors=(short,))

    chosen = editor_client.post(
        reverse("admin:timeline_actor_changelist"),
        {"action": "merge_actors", "_selected_action": [full.pk, short.pk]},
    )
    assert chosen.status_code == 302
    editor_client.post(
        reverse("admin:timeline_actor_merge"), {"ids": f"{full.pk},{short.pk}", "target": full.pk}
    )

    short.refresh_from_db()
    assert short.merged_into == full
    assert list(event.actors.all()) == [full]
    assert {"Fidan", "Turkish FM Fidan"} <= set(full.aliases.values_list("name", flat=True))


def test_editing_an_actor_marks_the_fields_and_removing_an_alias_marks_aliases(
    editor_client, make_actor
):
    actor = make_actor("Ahmed al-Sharaa")
    wrong = ActorAlias.objects.create(actor=actor, name="Bashar al-Assad")
    url = reverse("admin:timeline_actor_change", args=[actor.pk])
    page = editor_client.get(url)
    forms = page.context["inline_admin_formsets"][0].formset.forms
    index = next(i for i, form in enumerate(forms) if form.instance.pk == wrong.pk)

    post_change(
        editor_client,
        url,
        title="President of Syria",
        **{f"aliases-{index}-DELETE": "on"},
    )

    actor.refresh_from_db()
    assert actor.title == "President of Syria"
    assert {"title", "aliases"} <= set(actor.edited_fields)
    assert not actor.aliases.filter(name="Bashar al-Assad").exists()


def test_actor_autocomplete_offers_only_current_actors(editor_client, make_actor):
    survivor = make_actor("Hakan Fidan")
    make_actor("Hakan Fidan (dup)", merged_into=survivor, key="fidan-dup")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Fidan",
            "app_label": "timeline",
            "model_name": "event",
            "field_name": "actors",
        },
    )

    assert response.status_code == 200
    names = [r["text"] for r in response.json()["results"]]
    assert names == ["Hakan Fidan"]


# --- Articles ---------------------------------------------------------------


def test_setting_a_publication_date_marks_it_edited_and_sourced_to_the_editor(
    editor_client, make_article
):
    from timeline.models import Job, PendingUpdate

    article = make_article("Officials met yesterday.")

    post_change(
        editor_client,
        reverse("admin:timeline_article_change", args=[article.pk]),
        published="2025-04-11",
    )

    article.refresh_from_db()
    assert article.published == dt.date(2025, 4, 11)
    assert article.published_source == Article.DateSource.EDITOR
    assert "published" in article.edited_fields
    # Its events are re-resolved against the new date by a background job.
    job = Job.objects.get()
    assert (job.kind, job.state, job.payload["changed"]) == ("update", "done", [article.pk])
    assert not PendingUpdate.objects.exists()


def test_article_sentences_are_shown_read_only(editor_client, make_article):
    article = make_article("First sentence here.", "Second sentence here.")
    page = editor_client.get(reverse("admin:timeline_article_change", args=[article.pk]))

    html = page.content.decode()
    assert "Second sentence here." in html
    assert 'name="sentences-0-text"' not in html


def test_the_add_article_page_offers_paste_and_upload(editor_client):
    page = editor_client.get(reverse("admin:timeline_article_add"))

    assert page.status_code == 200
    assert set(page.context["form"].fields) >= {"text", "file"}
    assert b'enctype="multipart/form-data"' in page.content


def test_the_add_article_form_takes_only_text_and_web_page_files(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        reverse("admin:timeline_article_add"),
        {"file": SimpleUploadedFile("article.pdf", b"%PDF-1.4 not text")},
    )

    assert response.status_code == 200
    assert "Allowed extensions are: txt, html, htm" in response.content.decode()
    assert Article.objects.count() == 0


def test_the_add_article_form_refuses_binary_uploads(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor_client.post(
        reverse("admin:timeline_article_add"),
        {"file": SimpleUploadedFile("x.txt", b"\x00\x01binary")},
    )

    assert response.status_code == 200
    assert "binary" in response.content.decode()
    assert Article.objects.count() == 0


# --- History ----------------------------------------------------------------


def test_history_names_the_editor_and_keeps_the_previous_title(editor_client, editor, make_event):
    event = make_event("Old title")
    post_change(editor_client, event_url(event), title="New title")

    latest, previous = event.history.all()[:2]
    assert latest.history_user == editor
    assert previous.title == "Old title"
    page = editor_client.get(reverse("admin:timeline_event_history", args=[event.pk]))
    assert page.status_code == 200
    assert "ed" in page.content.decode()


def test_history_keeps_the_previous_countries_and_says_what_was_edited(
    editor_client, editor, two_reports
):
    event, _ = two_reports
    post_change(editor_client, event_url(event), countries=["EGY"])

    latest, previous = event.history.all()[:2]
    assert sorted(c.country_id for c in previous.countries.all()) == ["EGY", "ISR"]
    assert [c.country_id for c in latest.countries.all()] == ["EGY"]
    assert latest.history_change_reason == "edited in the admin: countries"


def test_a_merge_is_recorded_in_history_with_the_user(editor, make_event):
    from timeline import curation

    a, b = make_event("A"), make_event("B")
    curation.merge_events(a, [b], user=editor)

    record = b.history.first()
    assert record.merged_into_id == a.pk
    assert record.history_user == editor
    assert "merged into" in record.history_change_reason


# --- Roles ------------------------------------------------------------------


def test_the_editor_group_cannot_open_the_user_or_group_admin(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_the_editor_group_can_open_every_timeline_admin(editor_client):
    for model in ("event", "actor", "article", "evidence", "country", "sentence"):
        url = reverse(f"admin:timeline_{model}_changelist")
        assert editor_client.get(url).status_code == 200, model


def test_editors_cannot_delete_events_or_evidence(editor, make_event):
    event = make_event("E")
    assert editor.has_perm("timeline.change_event")
    assert not editor.has_perm("timeline.delete_event")
    assert not editor.has_perm("timeline.delete_evidence")
    assert event.pk


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page():
    for url in (reverse("admin:index"), reverse("admin:timeline_event_changelist")):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_a_non_staff_account_cannot_enter_the_admin(db):
    user = get_user_model().objects.create_user(username="reader", password="x" * 12)
    client = Client()
    client.force_login(user)

    response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_setup_roles_is_idempotent_and_can_enrol_a_user(db):
    from io import StringIO

    from django.contrib.auth.models import Group
    from django.core.management import call_command

    user = get_user_model().objects.create_user(username="new", password="x" * 12)
    call_command("setup_roles", stdout=StringIO())
    count = Group.objects.get(name="editor").permissions.count()
    call_command("setup_roles", "--add", "new", stdout=StringIO())

    user.refresh_from_db()
    assert Group.objects.filter(name="editor").count() == 1
    assert Group.objects.get(name="editor").permissions.count() == count
    assert user.is_staff and user.groups.filter(name="editor").exists()
    assert Actor.objects.count() == 0  # roles touch no data


def test_a_view_only_account_is_offered_no_curation_actions(db, make_event):
    from django.contrib.auth.models import Permission

    viewer = get_user_model().objects.create_user(
        username="viewer", password="x" * 12, is_staff=True
    )
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_event", "view_evidence", "view_article"])
    )
    client = Client()
    client.force_login(viewer)
    make_event("E")

    for model in ("event", "evidence", "article"):
        page = client.get(reverse(f"admin:timeline_{model}_changelist"))
        assert page.status_code == 200
        form = page.context["action_form"]
        offered = [name for name, _label in form.fields["action"].choices if name] if form else []
        assert offered == [], model
