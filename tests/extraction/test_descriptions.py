"""Definite descriptions standing for a country ("the ex-Soviet state", "the Gulf
kingdom"): the most recent country named before them that the describing words fit."""

from __future__ import annotations

import datetime as dt

from timeline.extraction import descriptions
from timeline.extraction.pipeline import extract_article

PUBLISHED = dt.date(2024, 5, 3)


def events(text: str, kind: str):
    return [e for e in extract_article(text, published=PUBLISHED).events if e.type == kind]


def described(text: str):
    (found,) = descriptions.find(text, 0, len(text))
    return found


def test_describing_words_fit_by_region_and_kind():
    assert descriptions.fits(described("the Andean nation"), "PER")
    assert not descriptions.fits(described("the Andean nation"), "KEN")
    assert descriptions.fits(described("the Gulf kingdom"), "BHR")
    assert not descriptions.fits(described("the Gulf kingdom"), "IRN")  # a Gulf republic
    assert descriptions.fits(described("the ex-Soviet state"), "GEO")
    assert not descriptions.fits(described("the ex-Soviet state"), "POL")
    assert descriptions.fits(described("the tiny Pacific island nation"), "TUV")
    assert not descriptions.fits(described("the tiny Pacific island nation"), "BOL")
    assert descriptions.fits(described("the West African country"), "SEN")
    # Words neither table knows constrain nothing; a bare head fits any country.
    assert descriptions.fits(described("the oil-rich country"), "NOR")


def test_names_and_owners_are_not_descriptions():
    for text in (
        "the United Kingdom",
        "the Czech Republic",
        "the Islamic State",
        "the country's president",
        "the state of emergency",
        "the state media",
    ):
        assert descriptions.find(text, 0, len(text)) == [], text


def test_a_described_object_is_the_country_named_in_the_sentence_before():
    text = (
        "Belarus expelled the Polish ambassador on 28 February 2012. The European Union "
        "then withdrew its ambassadors from the ex-Soviet state on 29 February 2012."
    )
    (withdrawn,) = [e for e in events(text, "expel_withdraw") if e.date.edtf == "2012-02-29"]
    assert withdrawn.countries == ["BLR"]


def test_a_described_object_skips_a_country_that_does_not_fit():
    text = (
        "Kenya and Peru held talks on 2 March 2015. On 4 March 2015 "
        "Chile restored diplomatic relations with the Andean nation."
    )
    (restored,) = events(text, "establish_relations")
    assert restored.countries == ["CHL", "PER"]  # Kenya is named last, but not Andean
    text = (
        "Georgia recalled its envoy from Poland on 2 May 2008. Lithuania expelled two "
        "diplomats of the ex-Soviet state on 4 May 2008."
    )
    (expelled,) = [e for e in events(text, "expel_withdraw") if e.date.edtf == "2008-05-04"]
    assert expelled.countries == ["LTU", "GEO"]


def test_a_described_object_never_names_the_clause_own_party():
    text = (
        "Bahrain summoned the Iranian envoy on 5 January 2016. On 6 January 2016 Qatar "
        "recalled its ambassador to the Gulf kingdom."
    )
    (recall,) = [e for e in events(text, "expel_withdraw") if e.date.edtf == "2016-01-06"]
    assert recall.countries == ["QAT", "BHR"]


def test_a_described_subject_takes_the_fitting_country_named_before():
    text = (
        "Tuvalu's prime minister visited Taipei in May 2019. On 16 September 2019 the "
        "tiny Pacific island nation rejected calls to sever diplomatic ties with Taiwan, "
        "while Senegal broke off relations with Israel."
    )
    found = events(text, "reduce_relations")
    assert all("TUV" not in e.countries or "ISR" not in e.countries for e in found)


def test_no_country_before_the_description_resolves_nothing():
    text = "On 3 April 2019 the country's president broke off diplomatic relations with Fiji."
    (cut,) = events(text, "reduce_relations")
    assert cut.countries == ["FJI"]
    text = "On 3 April 2019 Canada restored diplomatic relations with the kingdom."
    (restored,) = events(text, "establish_relations")
    assert restored.countries == ["CAN"]
