"""Sentences that must give no event, or an event titled by its own parties only.

Invented sentences with countries from many regions: photo captions (the picture's
moment is no meeting), and the classes behind junk events and misleading titles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.countries import find_countries
from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput, Sentence

PUBLISHED = dt.date(2024, 5, 3)


def _events(text: str):
    return build_timeline([DocInput("a", text, PUBLISHED)]).events


def _named(title: str) -> set[str]:
    return {m.key for m in find_countries(title, [Sentence(0, 0, len(title), title)])}


CAPTIONS = [
    "Japanese Prime Minister Fumio Kishida speaks during a joint news conference with "
    "Indonesian President Joko Widodo at the presidential palace in Bogor, Indonesia, "
    "Wednesday, April 24, 2024.",
    "Vietnam's foreign minister talks with his Peruvian counterpart in Lima, Peru, "
    "29 April 2024.\nPhoto: Reuters",
    "Kenyan President William Ruto shakes hands with Chilean President Gabriel Boric "
    "at the palace in Santiago, Chile, April 30, 2024.\n(photo credit: AP/Esteban Felix)",
    "Norway's foreign minister listens to her Ghanaian counterpart at a forum in "
    "Accra, Ghana, April 22, 2024. (AP Photo/Misper Apawu)",
]


@pytest.mark.parametrize("text", CAPTIONS)
def test_a_photo_caption_is_no_meeting(text):
    assert [e.title for e in _events(text) if e.type == "meet"] == []


def test_a_meeting_reported_in_the_past_is_kept():
    events = _events(
        "Ghana's president met his Nigerian counterpart in Abuja, Nigeria, April 29, 2024."
    )
    assert [(e.type, sorted(e.countries)) for e in events] == [("meet", ["GHA", "NGA"])]


def test_a_caption_telling_a_signing_keeps_it():
    text = (
        "Mongolia's foreign minister and Tonga's foreign minister shake hands after signing "
        "a joint communiqué establishing diplomatic relations in New York, April 24, 2024."
    )
    assert {e.type for e in _events(text)} == {"establish_relations"}


# A verdict on the happening told first ("In a coup for X,") names no side of it; nor does
# a relationship the clause ends ("cut its long-standing ties with Y") stay background.
@pytest.mark.parametrize(
    "text, parties",
    [
        (
            "In a diplomatic coup for Morocco, Senegal yesterday cut long-standing diplomatic "
            "ties with Algeria and established relations with Rabat.",
            {"SEN", "DZA"},
        ),
        (
            "In a major blow to Serbia, Montenegro broke off relations with Albania on Tuesday.",
            {"MNE", "ALB"},
        ),
        ("Bolivia cut its long-standing ties with Paraguay on Tuesday.", {"BOL", "PRY"}),
    ],
)
def test_a_break_has_only_its_sides(text, parties):
    breaks = [e for e in _events(text) if e.type == "reduce_relations"]
    assert [set(e.countries) for e in breaks] == [parties]
    assert _named(breaks[0].title) <= parties


# Lands the two governments talk about ("the question of the X Islands", "sovereignty
# over A, B and C") and the city where they once agreed are no sides: "the two" are the
# pair the article names.
DISPUTE = (
    "Chile and Norway have reported further progress in their dialogue, including the "
    "question of the Aland Islands.\n\n"
    "The two Governments, at a meeting in Lisbon on 14 and 15 February, decided to "
    "re-establish diplomatic relations. The two also reaffirmed their commitment to the "
    "formula on sovereignty over the Aland Islands, Svalbard and Jan Mayen and surrounding "
    "maritime areas, as agreed upon on 19 October 1989 in Lisbon."
)


def test_disputed_lands_and_the_place_of_the_deal_are_no_sides():
    events = _events(DISPUTE)
    assert events
    for e in events:
        assert set(e.countries) <= {"CHL", "NOR"}, e.title
        assert _named(e.title) <= {"CHL", "NOR"}, e.title


def test_talks_on_the_question_of_a_land_have_only_the_talkers():
    events = _events(
        "Peru and Japan held talks in Tokyo on Tuesday on the question of the Cook Islands."
    )
    assert [set(e.countries) for e in events] == [{"PER", "JPN"}]


def test_the_host_city_still_names_the_side_when_no_other_is_named():
    text = (
        "Foreign Secretary Jane Doe said: Ghana's return to the Commonwealth is good news. "
        "When I visited the country last year, I saw huge enthusiasm. I hope to welcome "
        "President Mensah to the Commonwealth summit in London in April."
    )
    assert [set(e.countries) for e in _events(text) if e.type == "visit"] == [{"GBR", "GHA"}]


# Sentences that tell no happening at all: bylines, credits, datelines alone, private
# persons' nationality, a city naming a conference or an agreement.
NOTHING = [
    "By Maria Lopez, Reuters",
    "Reporting by Tom Hale in Nairobi; editing by Ana Costa in Madrid.",
    "NAIROBI, Kenya (AP) —",
    "A Canadian tourist met the Bolivian president in La Paz on Tuesday.",
    "Photo: Vietnam's president shakes hands with Laos' president in Hanoi, Vietnam, "
    "April 30, 2024. (VNA)",
    "Delegates from Kenya and Ghana attended the Lisbon conference on oceans on Tuesday.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_happening(text):
    assert [e.title for e in _events(text)] == []


# Sentences whose happening has exactly the sides named, never the reporter, a venue city,
# a city naming an agreement or a conference, or the nationality of a private person.
SIDES = [
    (
        "Niue's Premier Dalton Tagelagi, who is also chair of the Pacific Islands Forum, "
        "said on Tuesday that Fiji and Samoa had signed a fisheries agreement.",
        {"FJI", "WSM"},
    ),
    (
        "Niue's Premier Dalton Tagelagi said on Tuesday that Fiji and Samoa had signed a "
        "fisheries agreement.",
        {"FJI", "WSM"},
    ),
    (
        "The Premier of Niue told reporters on Tuesday that Fiji and Samoa had restored "
        "diplomatic relations.",
        {"FJI", "WSM"},
    ),
    ("Chile said on Tuesday that Peru and Bolivia had broken off relations.", {"PER", "BOL"}),
    (
        "The Premier of Niue and chair of the Pacific Islands Forum said on Tuesday that "
        "Tonga had established diplomatic relations with Palau.",
        {"TON", "PLW"},
    ),
    (
        "An Australian academic said on Tuesday that Tonga had established diplomatic "
        "relations with Palau.",
        {"TON", "PLW"},
    ),
    (
        "Niue's premier said on Tuesday that Tonga had broken off relations with Palau.",
        {"TON", "PLW"},
    ),
    # One state alone in what is told may act on the teller: the teller stays a side.
    ("Norway said on Tuesday that Russia had expelled three of its diplomats.", {"NOR", "RUS"}),
    ("LIMA, Peru (AP) — Peru and Japan signed a fisheries agreement on Tuesday.", {"PER", "JPN"}),
    ("Uruguay and Paraguay signed the Madrid agreement on Tuesday.", {"URY", "PRY"}),
    ("Nepal and Bhutan met at the Vienna conference on Tuesday.", {"NPL", "BTN"}),
    ("The Geneva talks between Armenia and Azerbaijan ended on Tuesday.", {"ARM", "AZE"}),
    (
        "Mongolia's ambassador, a former Harvard scholar of German descent, presented his "
        "credentials to the president of Chile on Tuesday.",
        {"MNG", "CHL"},
    ),
]


@pytest.mark.parametrize("text, sides", SIDES)
def test_only_the_sides_named(text, sides):
    events = _events(text)
    assert [set(e.countries) for e in events] == [sides]
    assert _named(events[0].title) <= sides
