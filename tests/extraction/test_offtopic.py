"""Off-topic news: diplomatic verbs used for sport, business, science and tourism.

Users drop in whatever news they have. A national team "meets" another, a firm "signs a
deal", a probe "arrives in" orbit, a country is "the most visited": none of these is a
diplomatic happening and none may reach the timeline. The same verbs told of officials
and governments still are one. Every example here is invented.
"""

from __future__ import annotations

import datetime as dt

from timeline.extraction.offtopic import sport_sentence
from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.types import DocInput

PUBLISHED = dt.date(2024, 5, 3)


def dated(text: str, published: dt.date | None = PUBLISHED):
    return [c for c in extract_article(text, published=published).events if c.date]


def timeline(text: str, published: dt.date | None = PUBLISHED):
    return build_timeline([DocInput("a", text, published)]).events


# --- sport ---------------------------------------------------------------------------


def test_national_teams_meeting_at_a_tournament_hold_no_talks():
    assert dated("The last time the two sides met at Euro 2012, Chile held Peru to a draw.") == []
    assert dated("Italy met Spain in Kiev on July 1, 2012, in the Euro 2012 final.") == []


def test_the_same_meeting_told_of_officials_is_still_talks():
    (event,) = dated("The foreign ministers of Chile and Peru met in Lima on July 1, 2012.")
    assert event.type == "meet"
    assert set(event.countries) == {"CHL", "PER"}


def test_a_leader_at_a_match_still_meets_the_host():
    (event,) = dated(
        "The Peruvian president met the Emir of Qatar at the World Cup final on 18 December 2022."
    )
    assert event.type == "meet"


def test_in_a_sports_report_a_country_visiting_or_travelling_is_its_team():
    text = (
        "title: Brazil hammer Bolivia\npublished: 2013-06-09\n\n"
        "Brazil hammer Bolivia 8-0 in a friendly in Sao Paulo on Saturday.\n"
        "The striker scored a hat-trick before half-time.\n"
        "The squad travelled to Japan on Monday.\n"
        "Next up is the visit of Malta on 10 July 2013.\n"
    )
    assert timeline(text, None) == []


def test_a_scoreline_is_sport_but_a_span_of_days_is_not():
    assert sport_sentence("Germany came from behind to beat France 2-1 in Paris.")
    assert sport_sentence("It was a 3-0 win for the hosts.")
    assert sport_sentence("The team drew with Chile in a friendly.")
    assert not sport_sentence("The two delegations held talks on 6-10 March in Geneva.")
    assert not sport_sentence("The ministers praised the friendly relations between the two.")
    assert not sport_sentence("The two sides met in Doha to discuss the ceasefire.")


def test_sports_attacks_are_no_war():
    text = "Brazil's attack tore through the Bolivian defence in the friendly on 9 June 2013."
    assert [c for c in dated(text) if c.type == "armed_conflict"] == []


# --- business ------------------------------------------------------------------------


def test_a_deal_between_companies_is_not_a_state_agreement():
    assert (
        dated("The Japanese firm signed a deal with Germany's largest carmaker in March 2018.")
        == []
    )
    assert dated("Airbus signed a contract with a Chinese airline on 25 March 2019.") == []
    (event,) = dated("Japan and Germany signed a trade agreement in March 2018.")
    assert event.type == "sign_agreement"


def test_meeting_a_company_s_chief_executive_is_not_diplomacy():
    assert (
        dated(
            "The Indian prime minister met with the President and CEO of an American chipmaker "
            "in Washington on 21 June 2023."
        )
        == []
    )
    assert dated("The chief executive of a German carmaker visited China in May 2019.") == []
    (event,) = dated(
        "The Indian prime minister met the American president in Washington on 21 June 2023."
    )
    assert event.type == "meet"


# --- science, tourism, weather ---------------------------------------------------------


def test_craft_and_scientists_do_not_pay_visits():
    assert dated("The Chinese probe arrived in orbit around Mars on 10 February 2021.") == []
    assert dated("Indian scientists visited Germany in January 2020 to test the satellite.") == []
    (event,) = dated("Indian officials visited Germany in January 2020 to discuss the satellite.")
    assert event.type == "visit"


def test_the_most_visited_countries_are_tourism():
    text = "France and Spain were the most visited nations in 2006, ahead of China and Italy."
    assert dated(text) == []
