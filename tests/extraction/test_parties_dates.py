"""Parties, dates and titles of event candidates: who takes part, when, and how it reads.

Sentences here are written for the tests (none is from a gold set)."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.pipeline import extract_article

PUBLISHED = dt.date(2024, 5, 3)


def dated(text: str, published: dt.date | None = PUBLISHED):
    return [c for c in extract_article(text, published=published).events if c.date]


def test_the_country_of_a_dateline_is_where_the_report_was_filed_not_a_party():
    for dateline in (
        "NAIROBI, Kenya (AP) —",
        "DOHA, Qatar --",
        "PORT OF SPAIN, Trinidad and Tobago —",
    ):
        (event,) = dated(
            f"{dateline} Somalia and Ethiopia agreed Thursday to restore diplomatic relations."
        )
        assert sorted(event.countries) == ["ETH", "SOM"], dateline
        assert "Kenya" not in event.title and "Qatar" not in event.title


def test_a_switch_breaks_with_the_first_state_not_the_new_partner():
    for text in (
        "On 2 May 2024 Vanuatu switched recognition from Taipei to Beijing.",
        "Vanuatu is to switch its diplomatic recognition from Taiwan to China, officials said.",
    ):
        (event,) = extract_article(text, published=PUBLISHED).events
        assert event.type == "reduce_relations"
        assert sorted(event.countries) == ["TWN", "VUT"]
        assert "China" not in event.title


def test_the_state_passed_over_is_no_party():
    (event,) = dated(
        "On 2 May 2024 Palau established diplomatic relations with China instead of Taiwan."
    )
    assert sorted(event.countries) == ["CHN", "PLW"]
    assert "Taiwan" not in event.title


def test_a_month_coordinated_with_a_month_of_a_stated_year_takes_that_year():
    events = dated(
        "Chile established diplomatic relations with Fiji and Tonga in March and October 2011, "
        "respectively.",
        published=dt.date(2015, 6, 1),
    )
    assert sorted(e.date.edtf for e in events) == ["2011-03", "2011-10"]


def test_a_month_in_another_clause_keeps_its_own_year():
    from timeline.extraction.temporal import find_timexes
    from timeline.extraction.types import Sentence

    text = "He came in April and left in August 1996."
    (april, _) = find_timexes(text, [Sentence(0, 0, len(text), text)], dt.date(2000, 12, 10))
    assert april.value.edtf == "2000-04"


def test_a_day_planned_in_the_past_tense_lies_ahead_of_the_report():
    from timeline.extraction.temporal import find_timexes
    from timeline.extraction.types import Sentence

    text = "The two governments had signed a communique and planned to announce it on March 2."
    (march,) = find_timexes(text, [Sentence(0, 0, len(text), text)], dt.date(2011, 2, 26))
    assert march.value.edtf == "2011-03-02"


def test_a_yearless_dateline_with_its_weekday_takes_the_first_year_that_fits():
    from timeline.extraction.header import parse_header
    from timeline.extraction.pubdate import dateline_month_day, find_publication_date
    from timeline.extraction.sentences import split_sentences

    text = (
        "url: https://example.org/2019/06/archive-copy.html\n\n"
        "NAIROBI, Kenya, Tuesday, March 9— Kenya and Somalia signed a border accord "
        "yesterday, ending a dispute that flared in 1979."
    )
    header = parse_header(text)
    pub = find_publication_date(text, header, split_sentences(text, header.body_start))
    # 9 March fell on a Tuesday in 1982: not 1979 (a Friday), nor the address's 2019.
    assert pub.value == dt.date(1982, 3, 9)
    assert not pub.certain and dateline_month_day(pub) == (3, 9)


def test_a_seat_stands_for_the_dissolved_state_the_article_is_about():
    from timeline.extraction.countries import find_countries
    from timeline.extraction.sentences import split_sentences

    soviet = (
        "The Soviet Union protested. Moscow expelled two diplomats, and Soviet officials "
        "said the decision was final."
    )
    today = "Russia protested. Moscow expelled two diplomats, Russia's foreign ministry said."
    for text, want in ((soviet, "SUN"), (today, "RUS")):
        found = find_countries(text, split_sentences(text, 0))
        assert [m.key for m in found if m.text == "Moscow"] == [want]


def test_the_date_of_an_object_relative_dates_the_breaking_not_the_restoring():
    text = (
        "Chile formally restored ties with Fiji, restoring ties that Santiago severed in "
        "March 1999."
    )
    (event,) = extract_article(text, published=dt.date(2001, 5, 4)).events
    assert event.type == "establish_relations"
    assert event.date is None  # March 1999 is when the ties were severed


def test_a_visitor_is_never_titled_as_visiting_his_own_country():
    # The only country named is the one visited: who visited is unknown.
    (event,) = dated("Wu began an African tour when he arrived in Nairobi on Monday.")
    assert event.type == "visit" and event.title == "Visit to Nairobi"
    # The visitor's own country is no place he visits.
    (event,) = dated("Kenyan President Amos Otieno visited Kenya's coast on Monday.")
    assert "visits Kenya" not in event.title


def test_a_country_acting_through_its_officials_takes_a_plural_verb():
    (event,) = dated("Peru's foreign minister visited Chile on Monday.")
    assert event.title == "Peru officials visit Chile"


def test_an_announcement_titled_with_the_partner_of_what_it_announced_has_that_partner():
    events = extract_article(
        "Fiji and Peru established diplomatic relations on 2 May 2024. The announcement was "
        "made by the Ministry of Foreign Affairs of Fiji this Friday.",
        published=PUBLISHED,
    ).events
    (announcement,) = [e for e in events if e.type == "announce"]
    assert "with Peru" in announcement.title
    assert announcement.countries[:1] == ["FJI"] and "PER" in announcement.countries


def test_a_cause_told_with_over_names_no_party():
    (event,) = dated(
        "Chile severed diplomatic ties with Peru in 2009 over fighting involving Bolivia."
    )
    assert sorted(event.countries) == ["CHL", "PER"]
    (event,) = dated("On 2 May 2024 Fiji expelled Peru's ambassador over his remarks on Tonga.")
    assert "TON" not in event.countries


def test_a_date_after_a_noun_of_another_happening_does_not_date_the_clause():
    text = (
        "Fiji has expelled the ambassador of Tonga, accusing him of a role in an assassination "
        "attempt on 25 March against its president."
    )
    (event,) = extract_article(text, published=PUBLISHED).events
    assert event.type == "expel_withdraw"
    assert event.date is None or event.date.edtf != "2024-03-25"


def test_the_state_a_country_became_independent_from_is_no_party():
    (event,) = dated("Fiji joined the Commonwealth on its independence from Britain in 1970.")
    assert event.countries == ["FJI"]
    (event,) = dated(
        "On 9 July 2011 South Sudan established diplomatic relations with Kenya upon its "
        "secession from Sudan."
    )
    assert sorted(event.countries) == ["KEN", "SSD"]


def test_an_organisation_is_never_titled_as_joining_itself():
    (event,) = dated("The country was admitted to the African Union on 2 May 2024.")
    assert event.type == "join_organisation"
    assert event.title.startswith("Admission to")


def test_a_plot_to_overthrow_is_no_overthrow():
    from timeline.extraction.pipeline import build_timeline
    from timeline.extraction.types import DocInput

    text = (
        "In the early 1990s the army of Chad was involved in a plot to overthrow the "
        "government of Niger."
    )
    assert build_timeline([DocInput("a", text, PUBLISHED)]).events == []


def test_what_has_been_going_on_is_no_news_of_the_day():
    from timeline.extraction.pipeline import build_timeline
    from timeline.extraction.types import DocInput

    for text in (
        "Fiji has suggested in the past that Tonga has been offering aid to poor countries.",
        "Tonga has been offering aid to Fiji.",
    ):
        assert build_timeline([DocInput("a", text, PUBLISHED)]).events == [], text
    # The present perfect of news still dates the happening by the publication day.
    (event,) = build_timeline(
        [DocInput("a", "Tonga has expelled Fiji's ambassador.", PUBLISHED)]
    ).events
    assert event.date.start == PUBLISHED


def test_attacks_someone_is_linked_to_are_no_war_the_article_reports():
    from timeline.extraction.pipeline import build_timeline
    from timeline.extraction.types import DocInput

    text = "Several of the men executed had been linked to attacks in Kenya between 2010 and 2012."
    assert build_timeline([DocInput("a", text, PUBLISHED)]).events == []
    # A war told as such is still one.
    (event,) = build_timeline(
        [DocInput("a", "Ethiopia and Eritrea fought a war between 1998 and 2000.", PUBLISHED)]
    ).events
    assert event.type == "armed_conflict"


def test_a_date_past_a_leading_phrase_is_the_main_clauses_not_its_nouns():
    from timeline.extraction.pipeline import build_timeline
    from timeline.extraction.types import DocInput

    text = (
        "In the wake of the overthrow of military governments elsewhere in the region, "
        "Chad's president began a reform programme in May 2004."
    )
    assert build_timeline([DocInput("a", text, PUBLISHED)]).events == []


def test_a_country_before_a_double_hyphen_dash_is_found_but_not_in_a_compound():
    from timeline.extraction.countries import find_countries
    from timeline.extraction.sentences import split_sentences

    text = "Chile restored ties with France and Britain--its foes--, not a Chile-based firm."
    found = [m.key for m in find_countries(text, split_sentences(text, 0))]
    assert found == ["CHL", "FRA", "GBR"]


def test_the_place_a_deal_was_signed_in_is_no_party():
    (event,) = dated(
        "Chile and Fiji signed Sunday in Singapore a joint communique establishing "
        "diplomatic relations."
    )
    assert sorted(event.countries) == ["CHL", "FJI"]
    # A country named in the object stays a party.
    (event,) = dated("On 2 May 2024 Chile and Peru recognised the new government in Fiji.")
    assert "FJI" in event.countries


def test_states_named_in_a_comparison_are_no_parties():
    (event,) = dated(
        "Chile froze relations with Peru on 2 May 2024 in a dispute similar to that between "
        "Lima and Quito."
    )
    assert sorted(event.countries) == ["CHL", "PER"]


def test_hard_wrapped_copy_is_read_as_whole_sentences():
    from timeline.extraction.sentences import split_sentences

    text = (
        "Chile and Fiji restore ties\n\n"
        "On 3 March 1998, Chile restored its diplomatic ties with\n"
        "Fiji, ending a break that followed the 12\n"
        "November 1991 coup in Suva, the ministry said in a statement.\n"
        "For some time after the coup, Santiago had pursued a policy of\n"
        "contacts with the exiled government, which Suva rejected as\n"
        "interference in its internal affairs.\n"
    )
    sentences = split_sentences(text)
    assert [s.text.split()[0] for s in sentences] == ["Chile", "On", "For"]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "12\nNovember 1991" in sentences[1].text


def test_lines_of_a_web_page_are_not_joined_as_wrapped_text():
    from timeline.extraction.sentences import split_sentences

    text = (
        "Senegal picks China over Taiwan\n"
        "Taiwan leader Chen Shui-bian\n"
        "Senegal has re-established diplomatic relations with China instead of Taiwan\n"
        "The move will give China a minor victory in its long-running dispute with Taiwan\n"
    )
    assert len(split_sentences(text)) == 4


def test_the_kuomintang_authorities_stand_for_taiwan():
    (event,) = dated(
        "On 1 January 1998, Chad dropped its diplomatic ties with the Kuomintang authorities."
    )
    assert sorted(event.countries) == ["TCD", "TWN"]


def test_renewing_relations_restores_them():
    (event,) = dated("On 2 May 2024 Chad renewed diplomatic relations with Qatar.")
    assert event.type == "establish_relations"
    assert sorted(event.countries) == ["QAT", "TCD"]


def test_recently_is_no_item_of_a_respectively_list():
    events = dated(
        "Fiji recently signed joint communiques with Chad and Niger on 9th November and 24th "
        "November 2021, respectively, to establish diplomatic relations.",
        published=dt.date(2022, 3, 10),
    )
    got = sorted((e.countries[1], e.date.edtf) for e in events)
    assert got == [("NER", "2021-11-24"), ("TCD", "2021-11-09")]


def test_in_pursuing_a_mandate_is_no_hedge_but_pursuing_ties_is():
    (event,) = dated(
        "The Government of Fiji, in pursuing its foreign policy mandate, signed a joint "
        "communique with Chad on 9 November 2021 to establish diplomatic relations."
    )
    assert sorted(event.countries) == ["FJI", "TCD"]
    assert dated("On 2 May 2024 Fiji was pursuing diplomatic relations with Chad.") == []


def test_a_reason_told_after_the_act_does_not_negate_it():
    (event,) = dated(
        "On 2 May 2024 Fiji declared Chad's ambassador persona non grata for failing to "
        "apologise for his remarks."
    )
    assert event.type == "expel_withdraw"
    # A refusal before the act still negates it, and one by verb after it.
    assert dated("On 2 May 2024 Fiji refused to expel Chad's ambassador.") == []
    # Another side's refusal, named as the cause, does not.
    (event,) = dated(
        "On 2 May 2024 Fiji severed ties with Chad, protesting Chad's refusal to negotiate."
    )
    assert event.type == "reduce_relations"


def test_a_country_named_after_the_city_of_the_signing_is_no_party():
    for place in ("in Geneva, Switzerland", "at Suva, Fiji", "in New York, the United States"):
        (event,) = dated(f"Palau and Estonia established diplomatic relations on 2 May {place}.")
        assert sorted(event.countries) == ["EST", "PLW"], place
    # A list of countries is no city and its country: each is a party.
    (event,) = dated("The juntas in Mali, Niger and Chad restored relations with Algeria on 2 May.")
    assert {"MLI", "NER"} <= set(event.countries)


def test_the_country_of_the_reporting_outlet_is_no_party():
    for frame in (
        "The Japanese publication reported that",
        "Chinese state media said that",
        "Kenyan newspapers reported that",
    ):
        (event,) = dated(f"{frame} Estonia closed its embassy in Lebanon on 2 May.")
        assert sorted(event.countries) == ["EST", "LBN"], frame


def test_a_date_before_another_coordinated_verb_belongs_to_that_verb():
    (event,) = [
        e
        for e in dated(
            "Palau's foreign minister flew to Estonia on Monday and signed a communique "
            "establishing relations with Estonia on Tuesday."
        )
        if e.type == "establish_relations"
    ]
    assert event.date.edtf == "2024-04-30"


def test_an_abbreviation_inside_a_clause_is_no_sentence_break_between_verb_and_date():
    (event,) = dated(
        "Palau established diplomatic relations with St. Lucia's government on Tuesday."
    )
    assert event.date.edtf == "2024-04-30"
    assert sorted(event.countries) == ["LCA", "PLW"]


def test_the_country_the_report_frame_names_as_acting_stays_a_party():
    (event,) = extract_article(
        "Finland's government has announced that it was expelling nine Belarusian diplomats, "
        "saying they were suspected of spying while working at the Belarusian Embassy in "
        "Helsinki.",
        published=PUBLISHED,
    ).events
    assert event.countries[:2] == ["FIN", "BLR"]
    assert event.title.startswith("Finland")


def test_the_cause_named_after_an_expulsion_does_not_act():
    (event,) = extract_article(
        "Finland has ordered two Belarusian diplomats expelled in retaliation for the "
        "expulsion of two Finnish diplomats from Minsk last month.",
        published=PUBLISHED,
    ).events
    assert event.countries[:2] == ["FIN", "BLR"]


def test_a_date_in_a_relative_clause_on_a_person_is_the_persons():
    (event,) = extract_article(
        "Belarus declared two Finnish diplomats persona non grata over contacts with a man "
        "who was arrested this year.",
        published=PUBLISHED,
    ).events
    assert event.date_text != "this year"


def test_a_country_named_only_in_a_leading_circumstance_is_no_party():
    for lead in ("Amid protests from Serbia,", "Despite sanctions imposed by Serbia,"):
        (event,) = dated(f"{lead} Palau opened a representative office in Kosovo on 2 May.")
        assert "SRB" not in event.countries, lead
        assert event.title.startswith("Palau"), event.title
    # Named again as a side, it stays one.
    (event,) = dated(
        "Despite talks with Estonia, Palau established relations with Estonia on 2 May."
    )
    assert sorted(event.countries) == ["EST", "PLW"]


def test_relations_named_by_no_country_are_those_of_the_clause_before():
    events = dated(
        "Fiji froze ties with Peru on 2 March. Chile severed relations with Bolivia in "
        "November 2019, but relations were restored the following July."
    )
    restored = [e for e in events if e.type == "establish_relations"]
    assert [sorted(e.countries) for e in restored] == [["BOL", "CHL"]]
    assert restored[0].date.edtf == "2020-07"


def test_a_release_lead_in_the_past_after_a_dated_dateline_is_that_days_act():
    text = (
        "Koror, 14 March 2024 (MFA): President Surangel Whipps Jr. had a telephonic "
        "conversation with President Lai Ching-te of Taiwan."
    )
    (event,) = extract_article(text, published=None).events
    assert event.type == "meet"
    assert event.date.edtf == "2024-03-14"
    # A present perfect after the dateline is done by that day, not dated on it.
    perfect = extract_article(
        "Koror, 14 March 2024 (MFA): Palau has established relations with Kosovo.",
        published=None,
    ).events
    assert all(e.date is None for e in perfect)


def test_list_items_with_formal_titles_and_a_time_clause_between_are_one_event_each():
    events = dated(
        "Estonia established relations with the Republic of Palau in June 2001 while its "
        "minister was touring Asia, and with the Kingdom of Tonga in July 2002."
    )
    assert sorted((e.date.edtf, tuple(sorted(e.countries))) for e in events) == [
        ("2001-06", ("EST", "PLW")),
        ("2002-07", ("EST", "TON")),
    ]


def test_a_dissolved_states_seat_stands_for_the_state_holding_it_at_the_events_date():
    # Each article names the Soviet Union more than Russia, so "Moscow" reads as it; a
    # happening after 1991 is Russia's, one before it stays the Soviet Union's.
    history = "The Soviet Union backed Cuba for thirty years. "
    for text, want in [
        (history + "Moscow broke off diplomatic relations with Georgia on August 29, 2008.", "RUS"),
        (history + "Moscow expelled two Estonian diplomats on May 3, 2007.", "RUS"),
        (history + "Moscow recalled its ambassador from Lithuania on 12 March 2014.", "RUS"),
        (history + "Moscow recalled its ambassador from Lithuania on 12 March 1984.", "SUN"),
    ]:
        (event,) = [
            e for e in extract_article(text, published=dt.date(2024, 5, 3)).events if e.date
        ]
        assert event.countries[0] == want, (text, event.countries)
        assert "Soviet Union" not in event.title or want == "SUN"


def test_a_seat_passes_to_the_next_state_that_held_it():
    from timeline.extraction.countries import seat_holder

    assert seat_holder("YUG", dt.date(1999, 3, 24)) == "YUG"
    assert seat_holder("YUG", dt.date(2004, 5, 1)) == "SCG"
    assert seat_holder("YUG", dt.date(2010, 5, 1)) == "SRB"
    assert seat_holder("SUN", dt.date(2008, 8, 29)) == "RUS"
    assert seat_holder("CSK", dt.date(1993, 1, 2)) == "CZE"


def test_a_country_in_a_time_clause_after_a_date_is_no_item_of_a_list():
    # "with X in 1993 before switching recognition to Y a year later": Y belongs to the
    # time clause, so the break is with X alone, dated 1993, never a second break with Y.
    for text, sides, year in [
        (
            "Senegal suspended co-operation with Beijing in 1993 before switching recognition"
            " to Taiwan a year later.",
            {"SEN", "CHN"},
            "1993",
        ),
        (
            "Ghana broke relations with Beijing in 1993 before switching recognition to Taiwan"
            " a year later.",
            {"GHA", "CHN"},
            "1993",
        ),
        (
            "Niger severed ties with China in 1992 before switching recognition to Taiwan two"
            " years later.",
            {"NER", "CHN"},
            "1992",
        ),
    ]:
        events = extract_article(text, published=dt.date(2024, 5, 3)).events
        (brk,) = [e for e in events if e.type == "reduce_relations"]
        assert set(brk.countries) == sides and brk.date.edtf == year
        assert "Taiwan" not in brk.title
        assert any(e.type == "establish_relations" and "TWN" in e.countries for e in events)


def test_a_place_dated_by_another_date_of_the_sentence_is_not_the_meetings_place():
    # "talks on Wednesday with A and with B in Brussels on Tuesday": Brussels is where
    # Tuesday's talks were held, so Wednesday's are titled without it.
    for text, place in [
        (
            "Ms Aung had talks on Wednesday with Italian foreign minister Marco Conti and with"
            " EU and Belgian officials in Brussels on Tuesday.",
            "Brussels",
        ),
        (
            "Mr Otieno had talks on Friday with German foreign minister Klaus Weber and with"
            " Austrian officials in Vienna on Thursday.",
            "Vienna",
        ),
        (
            "Ms Lopez held talks on Monday with French foreign minister Jean Martin and with"
            " Spanish officials in Madrid on Sunday.",
            "Madrid",
        ),
    ]:
        (event,) = dated(text)
        assert event.type == "meet" and place not in event.title, event.title
    # Dated by its own date, the place stays.
    (event,) = dated(
        "Mr Otieno had talks with German foreign minister Klaus Weber in Vienna on Thursday."
    )
    assert event.title.endswith("in Vienna")


def test_a_break_told_by_a_participle_after_restored_relations_keeps_its_own_date():
    # "restoring relations severed in 1990": the date is the break's, not the restoring's.
    for text, when in (
        (
            "Mali and Niger have re-established ties, cut nearly a decade ago over a border "
            "dispute.",
            "2014",
        ),
        (
            "Officials of Ghana and Togo signed a memorandum restoring relations severed in "
            "June, 1990.",
            "1990-06",
        ),
        (
            "Chile and Peru have restored diplomatic relations, severed exactly 14 years ago when "
            "troops crossed the border.",
            "2010",
        ),
    ):
        events = extract_article(text, published=PUBLISHED).events
        restored = [e for e in events if e.type == "establish_relations"]
        broken = [e for e in events if e.type == "reduce_relations"]
        assert restored and all(e.date is None or e.date.edtf != when for e in restored), text
        assert [e.date.edtf for e in broken if e.date] == [when], text


def test_a_participle_of_no_break_after_relations_leaves_the_date_to_them():
    # "relations signed on 5 May": not what was done to the relations before; nor a date
    # right after the relations.
    for text in (
        "Senegal and Gambia signed a joint communique restoring diplomatic relations signed on "
        "5 May 2001 in Dakar.",
        "Fiji restored ties with Tonga on 5 May 2001.",
    ):
        (event,) = extract_article(text, published=PUBLISHED).events
        assert event.type == "establish_relations"
        assert event.date is not None and event.date.edtf == "2001-05-05", text


def test_a_private_persons_nationality_is_no_party():
    for text, parties in (
        (
            "Oman's foreign minister visited Iran on 2 May 2024 to help win the release of a"
            " French tourist.",
            ["IRN", "OMN"],
        ),
        (
            "On 2 May 2024 Chile recalled its ambassador from Fiji over a Peruvian journalist.",
            ["CHL", "FJI"],
        ),
    ):
        (event,) = dated(text)
        assert sorted(event.countries) == parties, text
    # A diplomat's nationality is his state's: a party.
    (event,) = dated("On 2 May 2024 Ghana expelled a Peruvian diplomat.")
    assert sorted(event.countries) == ["GHA", "PER"]


def test_the_date_of_a_named_instrument_does_not_date_the_happening():
    # "the Vienna Convention on Diplomatic Relations of April 18, 1961" names a treaty by its
    # day (issue #10, dev_23): the relations are not set up on that day.
    text = (
        "Chile and Nepal established diplomatic relations on 9 May 2023 in accordance with "
        "the Vienna Convention on Diplomatic Relations of April 18, 1961."
    )
    (event,) = [e for e in dated(text) if e.type == "establish_relations"]
    assert event.date.edtf == "2023-05-09"
    undated = (
        "Bhutan and Uruguay resumed diplomatic relations under the Charter of the "
        "Organization of 26 June 1945."
    )
    assert all(e.date is None or e.date.edtf != "1945-06-26" for e in dated(undated))


def test_a_decision_fixing_when_relations_begin_sets_them_up():
    # A communique's operative clause (issue #10, dev_23): "have decided to establish
    # diplomatic relations as of / with effect from <day>" is the establishment.
    for text in (
        "The Government of Ghana and the Government of Peru have decided to establish "
        "diplomatic relations at ambassadorial level with effect from 3 May 1994.",
        "Chile and Laos have decided to establish diplomatic relations as of 3 May 1994.",
        "On 3 May 1994 Oman and Fiji decided to restore diplomatic relations with immediate "
        "effect.",
    ):
        (event,) = dated(text)
        assert (event.type, event.date.edtf) == ("establish_relations", "1994-05-03"), text
    # A decision without a start stays a decision.
    for text in (
        "On 3 May 1994 Ghana and Peru decided to establish diplomatic relations.",
        "On 3 May 1994 Chile decided to establish diplomatic relations with Laos at a later date.",
    ):
        assert [e.type for e in dated(text)] == ["intent"], text


def test_a_passive_in_the_present_of_an_almanac_line_is_a_happening():
    # Almanac and headline style tell the past in the present (issue #10, dev_23: "The
    # Korea-Japan Protocol is signed."); a protocol or a pact is signed as a treaty is.
    for text, typ, parties in (
        ("The Peru-Chile Protocol is signed in Lima on 3 May 1994.", "sign_agreement", "CHL PER"),
        ("On 3 May 1994 the Ghana-Togo pact is signed.", "sign_agreement", "GHA TGO"),
        ("On 3 May 1994 ties between Oman and Fiji are severed.", "reduce_relations", "FJI OMN"),
    ):
        (event,) = dated(text)
        assert (event.type, sorted(event.countries), event.date.edtf) == (
            typ,
            parties.split(),
            "1994-05-03",
        ), text


def test_what_a_happening_came_in_the_wake_of_names_no_party():
    # "broken off ... in the wake of India's recognition of Bangladesh" (issue #10, dev_23):
    # the state whose recognition led to the break is no party to it.
    for text in (
        "Relations between Chile and Peru were broken off on 3 May 1994 in the wake of "
        "Peru's recognition of Fiji.",
        "On 3 May 1994 Chile severed ties with Peru in the aftermath of Peru's recognition "
        "of Fiji.",
    ):
        (event,) = dated(text)
        assert (event.type, sorted(event.countries)) == ("reduce_relations", ["CHL", "PER"]), text
