"""Every public page answers, shows what a researcher needs, and links onwards."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from timeline.models import Evidence

pytestmark = pytest.mark.django_db


def html(response) -> str:
    return response.content.decode()


def lanes_of(figure: dict) -> set[str]:
    """The lanes holding at least one event (each mark's customdata is [url, lane])."""
    return {c[1] for trace in figure["data"] for c in trace.get("customdata", [])}


def test_timeline_page_has_the_public_hooks(client, world):
    page = html(client.get("/"))
    assert '<form id="filters"' in page
    assert '<select name="country" id="id_country" multiple' in page
    assert '<select name="actor" id="id_actor" multiple' in page
    assert 'id="results"' in page
    assert 'id="timeline-chart"' in page
    assert f'<a class="event-link" href="/events/{world.established.pk}/"' in page


def test_timeline_lists_only_visible_events_in_date_order(client, world):
    page = html(client.get("/"))
    titles = [world.old.title, world.criticism.title, world.established.title]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert world.merged.title not in page
    assert world.hidden.title not in page
    assert "4 events" in page


def test_timeline_chart_data_is_json_with_a_point_per_lane(client, world):
    page = html(client.get("/"))
    raw = re.search(r'<script id="timeline-figure" type="application/json">(.*?)</script>', page)
    figure = json.loads(raw.group(1))
    lanes = lanes_of(figure)
    assert lanes == {"Avalon", "Borduria", "Carpania"}
    assert figure["layout"]["xaxis"]["rangeslider"]["visible"] is True


def test_filter_choices_show_counts(client, world):
    page = html(client.get("/"))
    assert '<option value="AAA">Avalon (4)</option>' in page
    assert '<option value="CCC">Carpania (2)</option>' in page
    assert "Ada Minister — A. Minister (2)" in page  # aliases listed, so they can be searched
    assert 'data-names="Ada Minister|A. Minister"' in page


def test_htmx_request_gets_only_the_results_partial(client, world):
    response = client.get("/?country=CCC", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="filters")
    page = html(response)
    assert page.lstrip().startswith('<section id="results"')
    assert "<html" not in page
    assert '<form id="filters"' not in page
    assert world.criticism.title in page
    assert world.established.title not in page
    assert "HX-Request" in response["Vary"]


def test_htmx_request_from_a_chip_also_refreshes_the_form(client, world):
    page = html(client.get("/?country=CCC", HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER=""))
    assert 'hx-swap-oob="true"' in page
    assert '<option value="CCC" selected>' in page


def test_history_restore_request_gets_the_full_page(client, world):
    response = client.get(
        "/?country=CCC", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in html(response)


def test_active_filters_are_chips_that_keep_the_other_filters(client, world):
    page = html(client.get("/?country=AAA&country=CCC&type=criticise"))
    assert "Country: Avalon" in page
    assert "Country: Carpania" in page
    assert 'href="/?country=CCC&amp;type=criticise"' in page  # removing Avalon keeps the rest
    assert 'href="/?country=AAA&amp;country=CCC"' in page  # removing the type keeps countries
    assert 'class="reset" href="/"' in page


def test_lanes_switch_draws_one_lane_per_actor(client, world):
    page = html(client.get("/?lanes=actor"))
    raw = re.search(r'<script id="timeline-figure" type="application/json">(.*?)</script>', page)
    lanes = lanes_of(json.loads(raw.group(1)))
    assert lanes == {"Ada Minister", "Bo Envoy", "(none named)"}


def test_event_page_shows_date_sources_and_conflicts(client, world):
    page = html(client.get(f"/events/{world.established.pk}/"))
    assert world.established.title in page
    assert "10 April 2025" in page
    assert "Stated in the sentence as a full date." in page
    assert "2 articles, 2 sentences" in page
    assert 'href="/articles/relations-established/#s1"' in page
    assert 'href="/articles/ties-restored/#s1"' in page
    assert "Where the sources differ" in page
    assert "9 April 2025" in page
    # The sources come first, the differences after them.
    assert page.index('href="/articles/ties-restored/#s1"') < page.index("Where the sources differ")
    assert 'href="/countries/AAA/"' in page
    assert 'href="/actors/ada-minister/"' in page


def test_event_page_marks_an_uncertain_date(client, world):
    page = html(client.get(f"/events/{world.criticism.pk}/"))
    assert "badge-uncertain" in page
    assert "precision: year" in page
    assert "Only the year is given." in page


def test_event_partial_for_the_side_panel(client, world):
    page = html(client.get(f"/events/{world.meeting.pk}/", HTTP_HX_REQUEST="true"))
    assert "<html" not in page
    assert page.lstrip().startswith('<article class="event-detail"')
    assert "data-close-panel" in page


def test_rejected_evidence_is_not_shown_as_a_source(client, world):
    Evidence.objects.filter(event=world.established, sentence__article=world.second).update(
        rejected=True
    )
    page = html(client.get(f"/events/{world.established.pk}/"))
    assert 'class="source-link" href="/articles/ties-restored/#s1"' not in page
    assert "1 article" in page


def test_merged_event_redirects_to_its_survivor(client, world):
    response = client.get(f"/events/{world.merged.pk}/")
    assert response.status_code in (301, 302)
    assert response["Location"] == f"/events/{world.established.pk}/"


def test_hidden_event_is_not_found(client, world):
    assert client.get(f"/events/{world.hidden.pk}/").status_code == 404


def test_article_page_gives_every_sentence_an_anchor(client, world):
    page = html(client.get("/articles/relations-established/"))
    assert 'id="s1"' in page  # counted from 1, as the explanations count
    assert 'id="s2"' in page
    assert 'id="s0"' not in page
    assert "The ministers met in the capital." in page


def test_article_page_links_mentions_and_evidence(client, world):
    page = html(client.get("/articles/relations-established/"))
    assert '<a class="mention mention-country" href="/countries/AAA/">Avalon</a>' in page
    assert f'class="evidence-link" href="/events/{world.established.pk}/"' in page
    assert "Published" in page and "11 April 2025" in page


def test_article_page_notes_a_near_duplicate(client, world):
    world.second.duplicate_of = world.first
    world.second.save()
    assert "once near-copies count" in html(client.get(f"/events/{world.established.pk}/"))
    page = html(client.get("/articles/ties-restored/"))
    assert "copy or near-copy" in page
    assert 'href="/articles/relations-established/"' in page


def test_article_text_is_escaped(client, make_article):
    make_article("A <script>alert(1)</script> sentence.", slug="hostile")
    page = html(client.get("/articles/hostile/"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_actor_page(client, world):
    page = html(client.get("/actors/ada-minister/"))
    assert "Ada Minister" in page
    assert "Foreign Minister" in page
    assert "A. Minister" in page
    assert 'href="/countries/AAA/"' in page
    assert world.meeting.title in page
    assert 'id="timeline-chart"' in page


def test_merged_actor_redirects(client, world, make_actor):
    copy = make_actor("Ada M.", merged_into=world.minister)
    response = client.get(f"/actors/{copy.slug}/")
    assert response.status_code in (301, 302)
    assert response["Location"] == "/actors/ada-minister/"


def test_country_page_charts_relations_per_partner(client, world):
    page = html(client.get("/countries/CCC/"))
    assert "Carpania" in page
    raw = re.search(r'<script id="country-figure" type="application/json">(.*?)</script>', page)
    lanes = lanes_of(json.loads(raw.group(1)))
    assert lanes == {"Avalon"}
    assert "Diplomatic relations by partner" in page
    assert "Reduce or break relations" in page


def test_country_code_is_case_insensitive(client, world):
    response = client.get("/countries/ccc/")
    assert response["Location"] == "/countries/CCC/"


@pytest.mark.parametrize(
    "url", ["/events/999999/", "/articles/nope/", "/actors/nope/", "/countries/ZZZ/"]
)
def test_unknown_things_are_not_found(client, world, url):
    assert client.get(url).status_code == 404


def test_admin_url_is_kept(client):
    response = client.get("/admin/")
    assert response.status_code in (200, 302)


def test_explanations_name_articles_by_title_not_by_hash(client, world):
    world.meeting.date_rule = f"agrees with {world.second.content_hash}"
    world.meeting.save()
    page = html(client.get(f"/events/{world.meeting.pk}/"))
    assert world.second.content_hash not in page
    assert '“<a href="/articles/ties-restored/">Ties restored</a>”' in page


def test_country_page_tells_established_broken_and_restored(client, world, make_event):
    make_event(
        "Avalon and Carpania restore relations",
        type="establish_relations",
        start=dt.date(2020, 5, 1),
        countries=("AAA", "CCC"),
    )
    page = html(client.get("/countries/AAA/"))
    carpania = page[page.index('<th scope="row">Carpania</th>') :]
    carpania = carpania[: carpania.index("</tr>")]
    assert carpania.index("Reduced or broken") < carpania.index("Restored")
    borduria = page[page.index('<th scope="row">Borduria</th>') :]
    assert "Established" in borduria[: borduria.index("</tr>")]


def test_empty_timeline_says_so_instead_of_an_empty_chart(client, db):
    page = html(client.get("/"))
    assert "0 events" in page
    assert "No dated event to draw" in page
    assert 'id="timeline-chart"' in page


def test_timeline_page_queries_do_not_grow_with_events(
    client, world, make_event, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as few:
        client.get("/")
    for n in range(30):
        make_event(f"Extra {n}", countries=("AAA", "BBB"), actors=(world.minister,))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/")


def test_not_found_page_is_friendly(client, settings, db):
    settings.DEBUG = False
    response = client.get("/events/424242/")
    assert response.status_code == 404
    assert "Back to the timeline" in html(response)


def test_country_chart_shades_the_years_relations_stood(client, world):
    page = html(client.get("/countries/AAA/"))
    raw = re.search(r'<script id="country-figure" type="application/json">(.*?)</script>', page)
    shade = json.loads(raw.group(1))["data"][0]  # drawn first, beneath the events
    assert shade["name"] == "relations in place"
    assert shade["customdata"][0][1] == "Borduria"
    assert shade["base"] == ["2025-04-10"]
    assert "relations in place" in page  # and said in the legend


def test_a_chosen_country_without_events_stays_selectable(client, world):
    from timeline.models import Country

    Country.objects.create(iso3="DDD", name="Dystopia")
    page = html(client.get("/?country=DDD"))
    assert '<option value="DDD" selected>Dystopia (0)</option>' in page
    assert '<option value="DDD"' not in html(client.get("/"))
