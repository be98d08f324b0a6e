"""Event candidates: one per dated statement of an action, typed and titled."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.types import DocInput
from timeline.extraction.vocabulary import EVENT_TYPES

PUBLISHED = dt.date(2024, 5, 3)


def candidates(text: str, published: dt.date | None = PUBLISHED):
    return extract_article(text, published=published).events


def dated(text: str, published: dt.date | None = PUBLISHED):
    return [c for c in candidates(text, published) if c.date]


def test_event_types_have_a_label_and_a_cameo_code():
    assert "establish_relations" in EVENT_TYPES
    for code, (label, cameo) in EVENT_TYPES.items():
        assert code == code.lower() and " " not in code
        assert label
        assert cameo.isdigit() or code == "other"


def test_dated_action_becomes_a_typed_candidate_with_a_readable_title():
    (event,) = dated("On March 3, 2021, Oman and Brazil established diplomatic relations.")
    assert event.type == "establish_relations"
    assert event.date.edtf == "2021-03-03"
    assert event.countries[:2] == ["OMN", "BRA"]
    assert event.title == "Oman and Brazil establish diplomatic relations"


def test_duration_is_not_an_event():
    assert dated("The civil war in Yemen has lasted 13 years.") == []
    result = build_timeline(
        [DocInput("a", "The civil war in Yemen has lasted 13 years.", PUBLISHED)]
    )
    assert result.events == []


def test_undated_background_is_not_an_event():
    text = (
        "Syria has long been a close ally of North Korea. Relations were established decades ago."
    )
    assert build_timeline([DocInput("a", text, PUBLISHED)]).events == []


def test_since_a_year_does_not_date_the_action():
    assert (
        dated("It was the first visit by a Chilean delegation to Peru in 22 years since 2002.")
        == []
    )


def test_report_date_is_not_the_event_date():
    (event,) = dated(
        "According to the ministry on the 3rd, Minister Lee Jae-hoon signed a joint statement with "
        "Peru on the 2nd in Lima."
    )
    assert event.date.edtf == "2024-05-02"


def test_planned_action_is_marked_planned():
    (event,) = dated("Chile and Vietnam will sign a trade agreement on June 10, 2024.")
    assert event.type == "sign_agreement"
    assert event.status == "planned"


def test_an_attempt_is_not_an_action():
    assert dated("In 2019, Chile attempted to establish diplomatic relations with Bhutan.") == []


def test_relative_clause_countries_do_not_leak_into_the_event():
    (event,) = dated(
        "Omar al-Hakim, who had close ties with North Korea, was overthrown in "
        "December 2023 by rebels."
    )
    assert event.type == "regime_change"
    assert "PRK" not in event.countries


def test_a_country_named_only_to_describe_another_is_left_out():
    (event,) = dated(
        "Peru established relations with Cuba, a long-time ally of Venezuela, on May 2, 2020."
    )
    assert event.countries == ["PER", "CUB"]


def test_following_another_country_last_year_is_its_own_happening():
    events = candidates(
        "With this, Chile has established diplomatic relations with Fiji, "
        "following Tonga last year."
    )
    by_pair = {tuple(e.countries[:2]): e for e in events}
    assert by_pair[("CHL", "FJI")].date is None
    assert by_pair[("CHL", "TON")].date.edtf == "2023"


def test_two_years_in_one_clause_are_two_candidates():
    events = dated(
        "The regime fought in the 3rd and 4th Middle East wars in 1967 and 1973 with Egypt."
    )
    assert sorted(e.date.edtf for e in events) == ["1967", "1973"]


def test_visit_title_names_the_visitor_and_the_place():
    (event,) = dated("Foreign Minister Lee Jae-hoon visited Hanoi on Feb. 5, 2024.")
    assert event.type == "visit"
    assert event.title == "Lee Jae-hoon visits Hanoi"


def test_a_visit_told_as_a_noun_goes_to_the_country_after_to_not_the_visitors():
    for text in (
        "Deals were signed during the state visit of the President of Ghana to Togo in May.",
        "A visit by Ghana's foreign minister to Togo took place in May.",
    ):
        (event,) = [e for e in dated(text) if e.type == "visit"]
        assert sorted(event.countries) == ["GHA", "TGO"]
        assert not event.title.endswith("Ghana"), event.title
        assert event.title.endswith("Togo"), event.title


def test_an_anniversary_of_a_happening_is_not_the_happening():
    for text in (
        "On Monday Palau and Estonia marked the 30th anniversary of the establishment of "
        "diplomatic relations.",
        "Palau and Estonia celebrated on 2 May the anniversary of their restoration of ties.",
    ):
        assert [e for e in dated(text) if e.type == "establish_relations"] == [], text


def test_an_announced_suspension_of_relations_is_the_suspension():
    (event,) = dated("On 2 May Palau announced the suspension of diplomatic relations with Kosovo.")
    assert event.type == "reduce_relations"
    assert event.title == "Palau suspends relations with Kosovo"


def test_overthrow_title_names_who_overthrew_whom():
    (event,) = dated(
        "On December 8, 2023, the rebel group Jaysh al-Nasr (JAN) overthrew "
        "President Omar al-Hakim."
    )
    assert event.type == "regime_change"
    assert event.title == "Jaysh al-Nasr overthrows Omar al-Hakim"


def test_page_furniture_is_not_an_event():
    assert candidates("Visited 1 times, 1 visit(s) today") == []


def test_seed_signing_is_dated_by_the_action_not_by_the_report(seed):
    text, _, _ = seed("000")
    events = extract_article(text, published=dt.date(2025, 4, 11)).events
    signing = [e for e in events if e.date_text == "the 10th"]
    assert signing and signing[0].type == "establish_relations"
    assert signing[0].date.edtf == "2025-04-10"
    assert not [e for e in events if e.date_text == "the 11th"]


def test_seed_duration_and_since_never_date_an_event(seed):
    text, _, _ = seed("002")
    events = extract_article(text, published=dt.date(2025, 3, 11)).events
    assert not [
        e for e in events if e.date and e.date_text in ("22 years", "since 2003", "13 years")
    ]


def test_to_be_held_is_planned():
    (event,) = dated(
        "The annual meeting of the forum, to be held on July 27, 2024 in Bangkok, will admit Laos."
    )
    assert event.status == "planned"


def test_an_invitation_to_visit_is_not_a_visit():
    events = candidates(
        "On Friday, Foreign Minister Le Hoai Trung invited Panapa to visit Viet Nam."
    )
    assert not [e for e in events if e.type == "visit" and e.status == "done"]


def test_a_year_inside_a_name_dates_nothing():
    events = candidates(
        "Qatar and Bahrain decided to restore relations under the Vienna Convention on Diplomatic "
        "Relations of 1961."
    )
    assert events and all(e.date is None for e in events)
    assert "AUT" not in events[0].countries


def test_the_subject_and_the_object_make_the_pair_of_a_break():
    (event,) = dated(
        "In June 2017, Saudi Arabia, the United Arab Emirates, Bahrain and Egypt severed ties "
        "with Qatar."
    )
    assert event.type == "reduce_relations"
    assert event.countries[:2] == ["SAU", "QAT"]


def test_an_agreement_to_restore_relations_has_a_joint_title():
    (event,) = dated(
        "On March 10, 2023, Iran and Saudi Arabia agreed to restore diplomatic relations."
    )
    assert event.type == "establish_relations"  # an agreement reached: the restoration itself
    assert event.title == "Iran and Saudi Arabia agree to restore diplomatic relations"


def test_an_agreement_reached_between_the_parties_is_the_establishment_itself():
    # CAMEO 05: the two sides agreeing to establish or restore relations is the decision
    # that establishes them, whatever wording the source uses for it.
    for text in (
        "On Friday, Chile and Fiji agreed to restore diplomatic ties.",
        "On Friday, Chile has agreed to restore relations with Fiji.",
        "On Friday, Chile and Fiji signed an agreement to restore diplomatic ties.",
        "Chile and Fiji reached an agreement on Friday to establish diplomatic relations.",
        "On Friday, Chile and Fiji agreed to resume diplomatic relations.",
    ):
        (event,) = dated(text)
        assert (event.type, event.status) == ("establish_relations", "done"), text
        assert set(event.countries[:2]) == {"CHL", "FJI"}, text
        assert " agree" in event.title, text


def test_one_sides_decision_a_tentative_acceptance_or_a_plan_stays_an_intent():
    # CAMEO 030: nothing is agreed between the parties yet.
    for text in (
        "On Friday, Chile has tentatively agreed to establish diplomatic relations with Fiji.",
        "On Friday, Chile and Fiji agreed in principle to restore diplomatic ties.",
        "On Friday, Chile and Fiji reached a tentative agreement to restore diplomatic relations.",
        "On Friday, Chile decided to establish diplomatic relations with Fiji.",
        "On Friday, Chile said it would agree to restore relations with Fiji.",
        "An agreement to restore relations between Chile and Fiji is expected on Friday.",
    ):
        (event,) = dated(text)
        assert event.type == "intent", text
    for text in (
        "Chile plans to establish diplomatic relations with Fiji next month.",
        "Chile will establish diplomatic relations with Fiji next month.",
    ):
        (event,) = dated(text)
        assert (event.type, event.status) != ("establish_relations", "done"), text


def test_an_agreement_told_in_the_past_perfect_of_an_announcement_is_the_announcement():
    (event,) = dated(
        "On July 1, the Chilean president announced that Santiago and Suva had agreed to formally "
        "re-establish diplomatic relations and reopen embassies."
    )
    assert event.type == "announce"
    assert event.date.edtf == "2023-07-01"  # the announcement's date
    assert "an agreement to restore diplomatic relations" in event.title


def test_a_reopened_embassy_is_titled_as_such():
    (event,) = dated("Iran reopened its embassy in Saudi Arabia on June 6, 2023.")
    assert event.title == "Iran reopens its embassy in Saudi Arabia"


def test_withdrawing_from_a_region_is_not_withdrawing_diplomats():
    text = "Gulf states perceive the US slowly withdrawing from the Middle East this week."
    assert [e for e in candidates(text) if e.type == "expel_withdraw"] == []
    (event,) = dated("North Korea withdrew its diplomats from Syria on May 2, 2024.")
    assert event.type == "expel_withdraw"


def test_a_refusal_is_not_an_action():
    text = (
        "Of the four nations that severed ties with Qatar, only Bahrain refused to rebuild ties "
        "in 2021."
    )
    assert dated(text) == []


def test_relations_with_only_the_other_side_named_are_titled_from_it():
    (event,) = dated("The kingdom broke off ties with Iran in 2016.")
    assert event.title == "Diplomatic relations with Iran broken off"  # no pair in the article


def test_a_decision_to_sever_relations_is_a_break_not_an_agreement():
    (event,) = dated(
        "Nauru has decided to sever its diplomatic relations with Taiwan as of 21 July 2002."
    )
    assert event.type == "reduce_relations"


def test_relations_between_two_named_countries_make_the_pair():
    events = candidates(
        "In Seoul, the South Korean government welcomed the forging of diplomatic relations "
        "between Manila and Pyongyang on Wednesday."
    )
    assert events[0].countries[:2] == ["PHL", "PRK"]


def test_the_country_an_ambassador_serves_in_is_not_a_party():
    (event,) = [
        e
        for e in candidates(
            "North Korean Ambassador to Thailand Jo In Chol and Philippine Foreign Secretary "
            "Domingo Siazon signed the accord on Wednesday."
        )
        if e.type == "sign_agreement"
    ]
    assert "THA" not in event.countries


# --- passive phrasing ---------------------------------------------------------------------


def test_passive_breaks_and_restorations_are_events_of_the_pair():
    (cut,) = dated("Diplomatic relations between Oman and Peru were severed in 2017.")
    assert (cut.type, cut.countries[:2], cut.date.edtf) == (
        "reduce_relations",
        ["OMN", "PER"],
        "2017",
    )
    assert cut.title == "Oman and Peru break relations"
    (off,) = dated("Relations between Chile and Fiji were broken off in 1990.")
    assert (off.type, off.date.edtf) == ("reduce_relations", "1990")
    (back,) = dated("Ties between Peru and Cuba were restored on March 3, 2021.")
    assert (back.type, back.countries[:2], back.date.edtf) == (
        "establish_relations",
        ["PER", "CUB"],
        "2021-03-03",
    )
    (resumed,) = dated("Relations between Peru and Cuba were resumed in 2021.")
    assert resumed.type == "establish_relations"


def test_a_possessive_before_relations_is_a_party():
    (cut,) = dated("Chile's relations with Fiji had been suspended in 1999.")
    assert (cut.type, cut.countries[:2], cut.date.edtf) == (
        "reduce_relations",
        ["CHL", "FJI"],
        "1999",
    )


def test_a_passive_break_with_one_side_named_does_not_make_it_the_agent():
    (cut,) = dated("Diplomatic ties with Qatar were cut in June 2017.")
    assert cut.type == "reduce_relations" and cut.date.edtf == "2017-06"
    assert cut.title == "Diplomatic relations with Qatar broken off"


# --- a meeting and what was decided at it -------------------------------------------------


def test_this_came_at_the_meeting_dates_the_happening_of_the_sentence_before():
    events = candidates(
        "Oman and Peru to restore diplomatic relations after a long dispute.\n"
        "This came at the conclusion of the second meeting of their joint committee in Lima "
        "on Wednesday.",
        published=dt.date(2023, 4, 14),
    )
    (restored,) = [e for e in events if e.date]
    assert restored.type == "establish_relations"
    assert restored.countries[:2] == ["OMN", "PER"]
    assert restored.date.edtf == "2023-04-12"
    assert restored.sentence == 1
    assert not [e for e in events if e.type == "meet"]


def test_a_meeting_that_came_after_the_happening_is_not_its_occasion():
    events = candidates(
        "Oman and Peru restored diplomatic relations.\n"
        "This came after a meeting of their joint committee in Lima on Wednesday.",
        published=dt.date(2023, 4, 14),
    )
    assert not [e for e in events if e.type == "establish_relations" and e.date]


def test_the_decision_and_the_meeting_it_came_at_are_one_event_across_articles():
    a = DocInput(
        "a",
        "Oman and Peru to restore diplomatic relations after a long dispute.\n"
        "This came at the conclusion of the second meeting of their joint committee in Lima "
        "on Wednesday.",
        dt.date(2023, 4, 14),
    )
    b = DocInput(
        "b",
        "The joint committee on Wednesday decided to restore diplomatic relations between "
        "Oman and Peru, the news agency said.",
        dt.date(2023, 4, 13),
    )
    c = DocInput(
        "c",
        "Oman and Peru will resume their diplomatic ties, both sides said.",
        dt.date(2023, 4, 12),
    )
    (event,) = [e for e in build_timeline([a, b, c]).events if "OMN" in e.countries]
    assert event.date.edtf == "2023-04-12"
    assert {(r.article, r.sentence) for r in event.evidence} == {
        ("a", 0),
        ("a", 1),
        ("b", 0),
        ("c", 0),
    }


def test_a_named_summit_and_the_boycott_it_ended_are_one_event():
    a = DocInput(
        "a",
        "The decision implements the outcomes of the “Lima” summit, which was held in Peru in "
        "early 2021.",
        dt.date(2023, 4, 14),
    )
    b = DocInput(
        "b",
        "On 5 January 2021 the Lima Summit in Peru ended a boycott of Chile by its neighbours.",
        dt.date(2023, 4, 13),
    )
    events = build_timeline([a, b]).events
    (event,) = events
    assert event.type == "ease_sanctions"
    assert event.date.edtf == "2021-01-05"
    assert {r.article for r in event.evidence} == {"a", "b"}


def test_a_summit_with_another_name_stays_apart():
    a = DocInput(
        "a",
        "The decision implements the outcomes of the Quito summit, which was held in Peru in "
        "early 2021.",
        dt.date(2023, 4, 14),
    )
    b = DocInput(
        "b",
        "On 5 January 2021 the Lima Summit in Peru ended a boycott of Chile by its neighbours.",
        dt.date(2023, 4, 13),
    )
    assert len(build_timeline([a, b]).events) == 2


# --- announcements titled by what was announced -------------------------------------------


def test_the_announcement_is_titled_by_the_happening_told_before_it():
    events = candidates(
        "Chile has officially established diplomatic relations with Fiji.\n"
        "The decision ends years of distant ties between Fiji and Tonga.\n"
        "The announcement was made by the Chilean foreign ministry on Friday."
    )
    (announcement,) = [e for e in events if e.type == "announce"]
    assert announcement.title == (
        "Chile announces the establishment of diplomatic relations with Fiji"
    )


def test_two_countries_announcing_their_agreement_are_the_subject():
    events = candidates(
        "Oman and Peru have agreed to restore diplomatic ties after seven years.\n"
        "Officials from the two countries made the unexpected announcement on Friday in Lima."
    )
    (announcement,) = [e for e in events if e.type == "announce"]
    assert (
        announcement.title == "Oman and Peru announce an agreement to restore diplomatic relations"
    )


def test_an_announcement_with_nothing_announced_before_keeps_its_plain_title():
    events = candidates("The announcement was made by the Chilean foreign ministry on Friday.")
    (announcement,) = [e for e in events if e.type == "announce"]
    assert announcement.title == "Chile makes an announcement"


def test_a_third_country_announcing_names_the_pair():
    events = candidates(
        "Oman and Peru have agreed to restore diplomatic ties after seven years.\n"
        "The announcement was made by the Chilean foreign ministry on Friday."
    )
    (announcement,) = [e for e in events if e.type == "announce"]
    assert announcement.title == (
        "Chile announces an agreement to restore diplomatic relations between Oman and Peru"
    )


def test_seed_announcement_is_titled_by_the_relations_it_announced():
    from tests.extraction.test_pipeline import seed_docs

    result = build_timeline(seed_docs())
    titles = [e.title for e in result.events if e.type == "announce"]
    assert titles == ["South Korea announces the establishment of diplomatic relations with Syria"]


def test_ousted_with_an_object_is_active_and_a_possessive_target_takes_no_article():
    (coup,) = dated(
        "Ahmed Salem, leader of the militant group Jaysh al-Fath, ousted Hakim’s dictatorship "
        "in December 2023 and assumed power."
    )
    assert coup.type == "regime_change"
    assert coup.title == "Ahmed Salem overthrows Hakim’s dictatorship"
    (fallen,) = dated("President Omar Hakim was ousted by the army in December 2023.")
    assert fallen.title == "Omar Hakim overthrown"


def test_ties_that_were_cut_in_a_year_are_a_break_and_do_not_date_the_restoration():
    events = candidates("Saudi Arabia and Iran agreed to restore ties that were cut in 2016.")
    (restored,) = [e for e in events if e.type == "establish_relations"]
    assert restored.date is None
    (cut,) = [e for e in events if e.type == "reduce_relations"]
    assert (cut.countries[:2], cut.date.edtf) == (["SAU", "IRN"], "2016")
    events = candidates(
        "Iran and Saudi Arabia restored diplomatic ties, which were severed in 2016."
    )
    (cut,) = [e for e in events if e.type == "reduce_relations"]
    assert (cut.countries[:2], cut.date.edtf) == (["IRN", "SAU"], "2016")
    assert not [e for e in events if e.type == "establish_relations" and e.date]


def test_a_country_after_the_partner_in_apposition_or_a_list_is_not_the_pair():
    (headline,) = candidates(
        "Chile Establishes Diplomatic Relations with Fiji, Tonga’s Closest Ally, on May 2, 2024."
    )
    assert headline.countries[:2] == ["CHL", "FJI"]
    (listed,) = candidates("Chile established relations with Fiji, Tonga and Samoa on May 2, 2024.")
    assert listed.countries[:2] == ["CHL", "FJI"]
    (between,) = candidates(
        "Chile welcomed the establishment of relations between Fiji and Tonga on May 2, 2024."
    )
    assert between.countries[:2] == ["FJI", "TON"]


def test_a_country_told_by_description_is_the_country_named_before():
    events = candidates(
        "Tonga opened an embassy in Suva on Sunday, state media reported, months after the "
        "Pacific nation broke off relations with Samoa to form diplomatic ties with Fiji."
    )
    (cut,) = [e for e in events if e.type == "reduce_relations"]
    assert cut.countries[:2] == ["TON", "WSM"]


def test_two_countries_as_subject_stay_the_pair_when_a_third_is_named_after():
    (deal,) = dated(
        "Oman and Peru agreed to re-establish diplomatic relations on Friday in a deal "
        "mediated by Chile."
    )
    assert deal.countries[:2] == ["OMN", "PER"]
    assert deal.title == "Oman and Peru agree to restore diplomatic relations"


def test_a_joint_committee_deciding_for_both_countries_makes_them_the_subject():
    (deal,) = dated(
        "The Omani-Peruvian Follow-up Committee on Wednesday decided to restore diplomatic "
        "relations between Oman and Peru."
    )
    assert deal.title == "Oman and Peru agree to restore diplomatic relations"


def test_wishes_are_not_happenings():
    events = candidates(
        "During this meeting, the prime minister expressed Chile's desire for the swift "
        "establishment of diplomatic relations with Fiji."
    )
    assert [e.type for e in events if e.type == "establish_relations"] == []


def test_the_described_subject_is_the_nearest_country_named_as_such():
    events = candidates(
        "Chile established diplomatic ties with Tonga on Sunday after the Pacific country "
        "ended its decades-long relationship with Samoa."
    )
    (cut,) = [e for e in events if e.type == "reduce_relations"]
    assert cut.countries[:2] == ["TON", "WSM"]
    events = candidates(
        "Tonga opened an embassy in Santiago on Sunday, Chilean state media reported, months "
        "after the Pacific nation broke off relations with Samoa."
    )
    (cut,) = [e for e in events if e.type == "reduce_relations"]
    assert cut.countries[:2] == ["TON", "WSM"]


def test_an_embassy_as_the_subject_of_reopened_is_a_reopening():
    for text in (
        "The Chilean embassy in Fiji re-opened in Suva on Tuesday.",
        "Fiji's embassy in Santiago also reopened Tuesday.",
    ):
        (event,) = dated(text)
        assert event.type == "establish_relations", text
        assert event.date.edtf == "2024-04-30", text


def test_the_closure_of_an_embassy_is_an_event():
    (event,) = dated(
        "Relations worsened after the closure of the Chilean Embassy in Suva in February."
    )
    assert event.date.edtf == "2024-02"
    assert event.type == "reduce_relations"
    (event,) = dated("The Chilean embassy in Suva was closed in 2019 after protesters stormed it.")
    assert event.date.edtf == "2019"


def test_a_deal_struck_or_reached_is_an_agreement():
    for text in (
        "Ministers praised the trade deal that Fiji struck with Chile last month.",
        "Fiji and Chile reached a fisheries deal in March 2024.",
    ):
        (event,) = dated(text)
        assert event.type == "sign_agreement", text
        assert event.date.edtf == ("2024-04" if "last month" in text else "2024-03"), text


def test_a_joint_press_conference_after_talks_is_a_meeting():
    events = dated(
        "In a joint press conference in Suva on Tuesday after their talk, the Chilean and Fijian "
        "foreign ministers praised the new trade deal."
    )
    assert "meet" in {e.type for e in events}


def test_the_decision_was_announced_on_a_day_dates_the_decision_before_it():
    result = build_timeline(
        [
            DocInput(
                "a",
                "Chile and Fiji have decided to establish diplomatic relations, the official "
                "newspaper said on Saturday. It said the decision was announced at the United "
                "Nations in New York on Friday in a joint statement.",
                dt.date(2024, 5, 4),
            )
        ]
    )
    (event,) = result.events
    assert event.date.edtf == "2024-05-03"
    assert {r.sentence for r in event.evidence} == {0, 1}


def test_a_decision_signed_as_a_joint_statement_is_the_establishment():
    def happening(second: str):
        text = (
            "Chile and Fiji have decided to establish diplomatic relations, the official "
            f"newspaper said on Saturday. {second}"
        )
        (event,) = build_timeline([DocInput("a", text, dt.date(2024, 5, 4))]).events
        return event

    signed = happening(
        "It said the decision was announced at the United Nations in New York on Friday in a "
        "joint statement signed by the two ambassadors."
    )
    assert (signed.type, signed.date.edtf) == ("establish_relations", "2024-05-03")
    # Announced, but nothing signed by both sides: still the decision of intent.
    unsigned = happening(
        "It said the decision was announced at the United Nations in New York on Friday."
    )
    assert (unsigned.type, unsigned.date.edtf) == ("intent", "2024-05-03")


def test_a_dateline_neither_dates_nor_places_the_first_sentence():
    for text in (
        "LIMA, Feb. 14 (Reuters) - Chile and Fiji established diplomatic relations, the ministry "
        "said.",
        "Santiago, February 14: Fiji reopened its embassy in Chile, officials said.",
        "SUVA: Fiji reopened its embassy in Chile, officials said.",
    ):
        (event,) = candidates(text, dt.date(2024, 5, 3))
        assert event.date is None, text
        assert "PER" not in event.countries, text
        assert event.countries[0] in {"CHL", "FJI"}, text
    (event,) = candidates("Santiago, February 14: Fiji reopened its embassy in Chile.")
    assert event.title == "Fiji reopens its embassy in Chile"


def test_closed_since_a_year_dates_the_closing():
    (event,) = dated(
        "The Chilean embassy in Suva had been closed since 2019, when protesters stormed it."
    )
    assert event.date.edtf == "2019"
    # A state that merely lasts since a year is still no event of that year.
    assert dated("Chile has had an embassy in Suva since 2019.") == []


def test_announced_that_they_would_resume_relations_is_a_dated_decision():
    (event,) = dated(
        "In January 2021, the four countries announced at the summit held in Chile that they "
        "would resume relations with Fiji."
    )
    assert event.date.edtf == "2021-01"
    assert event.type == "intent"
    assert "FJI" in event.countries
    # A mere possibility in reported speech stays nothing.
    assert dated("In January 2021, Chile said it could resume relations with Fiji.") == []


def test_a_boycott_which_was_launched_in_a_month_is_the_break_of_that_month():
    events = dated(
        "On 5 January 2021 the summit in Chile ended a boycott of Fiji by its neighbours and Peru "
        "which was launched in June 2017."
    )
    by_date = {e.date.edtf: e for e in events}
    assert by_date["2021-01-05"].type == "ease_sanctions"
    assert by_date["2017-06"].type == "reduce_relations"
    assert "FJI" in by_date["2017-06"].countries


def test_a_new_chapter_in_relations_is_not_their_establishment():
    assert (
        candidates(
            "The decision opens a new chapter in bilateral relations, previously blocked by the "
            "close ties between Peru and Bolivia."
        )
        == []
    )


def test_a_country_named_only_in_a_background_relationship_is_not_a_party():
    (event,) = dated(
        "On May 2, Chile established diplomatic relations with Fiji, long hindered by Fiji's "
        "close relations with Peru."
    )
    assert event.countries == ["CHL", "FJI"]
    (event,) = dated("On May 2, Chile established close ties with Peru.")
    assert "PER" in event.countries


def test_a_relations_event_attached_to_a_close_relationship_makes_its_partner_a_party():
    (event,) = dated(
        "Chile has kept close ties with Fiji since establishing diplomatic relations in 1975."
    )
    assert event.type == "establish_relations"
    assert event.countries == ["CHL", "FJI"]
    (event,) = dated(
        "Chile has long had close relations with Fiji, with which it established diplomatic "
        "relations in 1975."
    )
    assert event.type == "establish_relations"
    assert event.countries == ["CHL", "FJI"]
    # The background relationship still gives no party to an unrelated event.
    (event,) = dated(
        "On May 2, Chile established diplomatic relations with Fiji, long hindered by Fiji's "
        "close relations with Peru since the war."
    )
    assert event.countries == ["CHL", "FJI"]


def test_the_month_may_is_not_the_modal_may():
    for text in (
        "On May 2, Chile established diplomatic relations with Fiji.",
        "In May 2023, Chile established diplomatic relations with Fiji.",
    ):
        (event,) = dated(text)
        assert event.type == "establish_relations", text
    assert dated("In 2023, Chile may establish diplomatic relations with Fiji.") == []


def test_a_possessive_apposition_describes_the_country_before_it():
    (event,) = dated(
        "Chile established diplomatic relations with Fiji, Peru's former blood ally, on May 2."
    )
    assert event.countries == ["CHL", "FJI"]


def test_the_embassy_without_a_country_is_the_embassy_the_article_is_about():
    events = dated(
        "Chile reopened its embassy in Fiji on Tuesday. The embassy had been closed since 2019, "
        "when protesters stormed it."
    )
    closed = [e for e in events if e.date.edtf == "2019"]
    assert len(closed) == 1
    assert set(closed[0].countries) == {"CHL", "FJI"}


def test_ordering_an_envoy_to_leave_is_an_expulsion():
    for text in (
        "Chilean authorities today ordered the ambassador of Fiji to leave the country within 48 "
        "hours.",
        "Today we called on Fiji's ambassador to Santiago, Ana Ruiz, to leave Chile within 48 "
        "hours.",
        "Chile on Tuesday gave Fijian Ambassador Ana Ruiz 48 hours to leave the country.",
        "Chile on Tuesday ordered police to expel him from the country, Fiji said.",
    ):
        events = dated(text)
        assert [e.type for e in events] == ["expel_withdraw"], text


def test_suspending_an_embassy_is_a_reduction_of_relations():
    (event,) = dated("On Friday, Chile suspended its embassy operations in Fiji.")
    assert event.type == "reduce_relations"
    assert event.title == "Chile suspends its embassy in Fiji"


def test_closing_a_whole_embassy_reduces_relations_sending_diplomats_home_does_not():
    # CAMEO 161 (reduce relations): the mission itself closed, suspended or shut.
    for text in (
        "In 2019, Chile closed its embassy in Fiji.",
        "Chile shut down its embassy in Fiji in March 2019.",
        "Relations worsened after the closure of the Chilean Embassy in Suva in March 2019.",
        "Chile's embassy in Fiji was closed in March 2019.",
        "In March 2019 Chile withdrew all its staff and closed its embassy in Fiji.",
    ):
        (event,) = dated(text)
        assert event.type == "reduce_relations", text
        assert set(event.countries[:2]) == {"CHL", "FJI"}, text
    (event,) = dated("In 2019, Chile closed its embassy in Fiji.")
    assert event.title == "Chile closes its embassy in Fiji"
    # CAMEO 166 (expel or withdraw): individual diplomats sent home or called back.
    for text in (
        "In March 2019, Chile expelled two Fijian diplomats.",
        "In March 2019, Chile recalled its ambassador to Fiji.",
        "In March 2019, Chile evacuated its embassy staff from Fiji.",
    ):
        (event,) = dated(text)
        assert event.type == "expel_withdraw", text


def test_the_announcement_of_an_embassy_closure_names_the_closure():
    events = candidates(
        "Chile closed its embassy in Fiji on Monday. The announcement was made on Tuesday by "
        "the Chilean ministry."
    )
    (announcement,) = [e for e in events if e.type == "announce"]
    assert announcement.title == "Chile announces the closure of its embassy in Fiji"


def test_the_embassy_closed_without_a_country_is_the_embassy_told_before():
    events = dated(
        "The Chilean embassy in Fiji re-opened in Suva on Sunday. The embassy had been closed "
        "since 2019 when protesters stormed the building."
    )
    (closed,) = [e for e in events if e.type == "reduce_relations"]
    assert closed.date.edtf == "2019"
    assert closed.title == "Chile closes its embassy in Fiji"


def test_relations_that_have_not_been_severed_are_no_break():
    assert (
        candidates("Relations between Chile and Fiji have not been severed, the ministry said.")
        == []
    )


def test_a_coup_told_in_a_restrictive_relative_leaves_the_main_action():
    events = dated(
        "The generals who ousted Fiji's president last month gave Chilean Ambassador Ana Ruiz 48 "
        "hours to leave the country on Tuesday."
    )
    assert "expel_withdraw" in {e.type for e in events}


def test_an_expulsion_is_titled_as_one():
    (event,) = dated("Chile on Tuesday expelled the ambassador of Fiji.")
    assert event.title == "Chile expels diplomats of Fiji"
    (event,) = dated("Niger proceeded with the expulsion of the French Ambassador on Tuesday.")
    assert event.type == "expel_withdraw"
    (event,) = dated("Chile recalled its ambassador from Fiji on Tuesday.")
    assert event.title == "Chile withdraws diplomats from Fiji"


def test_the_date_of_a_restrictive_relative_is_not_the_main_action_s():
    (event,) = [
        e
        for e in dated(
            "The generals who ousted Fiji's president in 2022 gave Chilean Ambassador Ana Ruiz 48 "
            "hours to leave the country last week."
        )
        if e.type == "expel_withdraw"
    ]
    assert event.date.edtf != "2022"


def test_a_mediator_of_a_deal_between_two_others_is_not_a_party():
    for sentence in (
        "Oman and Peru agreed to re-establish diplomatic relations on Friday in a deal "
        "mediated by Chile.",
        "Oman and Peru restored diplomatic relations on Friday in a deal brokered by Chile.",
        "Oman and Peru signed an agreement on Friday under the auspices of Chile.",
    ):
        (deal,) = dated(sentence)
        assert deal.countries == ["OMN", "PER"], sentence


def test_a_mediator_or_host_of_talks_takes_part_in_them():
    (talks,) = dated("Oman and Peru held talks on Friday hosted by Chile.")
    assert talks.type == "meet"
    assert set(talks.countries) == {"OMN", "PER", "CHL"}


def test_a_capital_named_as_the_venue_of_a_deal_between_two_others_is_not_a_party():
    (deal,) = dated("Oman and Peru agreed in Santiago on Friday to restore diplomatic relations.")
    assert deal.countries == ["OMN", "PER"]


def test_the_capital_where_an_embassy_reopens_names_the_host_country():
    (event,) = dated("Oman reopened its embassy in Lima on Tuesday.")
    assert event.countries == ["OMN", "PER"]


def test_a_country_named_in_commentary_on_the_happening_is_not_a_party():
    (event,) = dated(
        "Peru severed diplomatic relations with Fiji on Thursday, in a move that will boost "
        "Santiago and anger Washington."
    )
    assert event.countries == ["PER", "FJI"]


def test_the_new_partner_of_a_switch_is_not_a_party_to_the_break():
    # Breaking with one state to recognise another: the new partner belongs to the
    # establishment of relations, a happening of its own, not to the break.
    for sentence in (
        "Honduras broke off relations with Taiwan on Sunday to form diplomatic ties with China.",
        "Honduras broke off relations with Taiwan on Sunday and switched recognition to Beijing.",
        "Honduras cut ties with Taiwan on Sunday in favour of China.",
    ):
        breaks = [e for e in dated(sentence) if e.type == "reduce_relations"]
        assert [e.countries for e in breaks] == [["HND", "TWN"]], sentence


def test_a_meeting_told_only_by_its_venue_is_one_of_the_relationship_named_before_it():
    (summit,) = [
        e
        for e in candidates(
            "A spokesman said the accord would help new inter-Korean ties, following the "
            "landmark summit held in Pyongyang in June 2000."
        )
        if e.type == "meet"
    ]
    assert set(summit.countries) == {"KOR", "PRK"}
    (summit,) = [
        e
        for e in candidates(
            "Manila welcomed closer US-China relations, following the summit held in Beijing "
            "on Monday."
        )
        if e.type == "meet"
    ]
    assert summit.countries == ["USA", "CHN"]


def test_a_relationship_named_after_the_trigger_is_not_the_happenings_pair():
    text = (
        "Philippines and North Korea establish ties\n\n"
        "The Philippines and North Korea established diplomatic relations on Wednesday. "
        "A spokesman said normalized relations are expected to help new inter-Korean ties."
    )
    (normalized,) = [e for e in candidates(text) if e.trigger == "normalized relations"]
    assert set(normalized.countries) == {"PHL", "PRK"}


def test_a_country_before_a_relative_clause_is_its_subject():
    wars = dated(
        "Syria, which fought against Israel in the 1967 and 1973 Middle East wars, was a close "
        "ally of North Korea."
    )
    assert [(w.date.edtf, w.countries) for w in wars] == [
        ("1967", ["SYR", "ISR"]),
        ("1973", ["SYR", "ISR"]),
    ]
    (older,) = [
        e
        for e in dated(
            "Peru, which established relations with Fiji in 2019, signed a trade deal with Chile "
            "on Monday."
        )
        if e.type == "establish_relations"
    ]
    assert older.countries == ["PER", "FJI"]


def test_a_country_owning_the_actor_is_a_party_not_an_epithet():
    (visit,) = dated("Chile's president visited Fiji on Monday.")
    assert visit.countries == ["CHL", "FJI"]
    (talks,) = dated("Peru's minister met Spanish officials in Madrid on Monday.")
    assert talks.countries == ["PER", "ESP"]
    # A noun for a state or a partner still makes an epithet.
    (ties,) = dated("Peru established relations with Venezuela's brother nation Bolivia on Monday.")
    assert ties.countries == ["PER", "BOL"]


def test_a_main_clause_borrows_no_country_from_a_clause_after_it():
    # Only a leading subordinate clause takes its subject from the main clause after it
    # ("Since joining the UN in 1999, Tonga has ..."); the place of the talks told after
    # an announcement is not who announced.
    text = (
        "Oman and Peru restore ties\n\n"
        "Oman and Peru agreed to restore ties on Friday. Officials from the two countries made "
        "the announcement on Friday after four days of negotiations in Santiago mediated by Chile."
    )
    (announcement,) = [e for e in candidates(text) if e.type == "announce"]
    assert announcement.countries == ["OMN", "PER"]
    (joined,) = [
        e
        for e in candidates("Since joining the UN in 1999, Tonga has established ties with Fiji.")
        if e.type == "join_organisation"
    ]
    assert joined.countries == ["TON"]


def test_the_host_or_mediator_of_talks_comes_after_the_sides():
    text = (
        "Oman and Peru restore ties\n\n"
        "Oman and Peru agreed to restore ties on Friday after four days of negotiations in "
        "Santiago mediated by Chile."
    )
    (talks,) = [e for e in candidates(text) if e.type == "negotiate"]
    assert talks.countries == ["OMN", "PER", "CHL"]
    assert talks.title.startswith("Oman and Peru")


def test_an_ambassador_recalled_in_the_passive_is_a_withdrawal():
    (event,) = dated(
        "Peru's ambassador has been recalled from Chile for consultations on Friday, the "
        "ministry told reporters."
    )
    assert event.type == "expel_withdraw"
    assert event.countries[:2] == ["PER", "CHL"]
    assert event.date.edtf == "2024-05-03"


def test_a_noun_told_as_the_circumstance_does_not_type_the_action():
    # "amid ... attacks", "caused by ... attacks": the recall is the action, not a war.
    for text in (
        "The ministry recalled Peru's ambassador to Chile on Friday amid Chile's attacks on "
        "civilians.",
        "In the wake of the tragedy caused by Chile's attacks on civilians, Peru recalled its "
        "ambassador to Chile on Friday.",
    ):
        (event,) = dated(text)
        assert event.type == "expel_withdraw", text
        assert {"PER", "CHL"} <= set(event.countries), text
    # Alone, the attack is still the action.
    (event,) = dated("Chile launched attacks on Peru on Friday.")
    assert event.type == "armed_conflict"


def test_opening_an_embassy_is_a_founding_told_apart_from_a_recognition_before_it():
    events = dated("Peru recognised Fiji in 1975 and then opened its embassy a year later.")
    assert [(e.type, e.date.edtf) for e in events] == [
        ("recognise", "1975"),
        ("establish_relations", "1976"),
    ]
    assert events[1].title == "Peru opens its embassy in Fiji"
    # A reopening is still titled as one.
    (event,) = dated("Peru reopened its embassy in Fiji on Tuesday.")
    assert event.title == "Peru reopens its embassy in Fiji"


def test_a_date_behind_a_comma_yields_to_the_one_beside_the_verb():
    (event,) = dated(
        "Moved by the fans of the team that won the Copa America 2021, Peru reopened its "
        "embassy in Fiji yesterday, 45 years after it had closed it."
    )
    assert event.date.edtf == "2024-05-02"
    # A date set off by a comma is still the date when it is the only one.
    (event,) = dated("On May 2, 2024, Peru reopened its embassy in Fiji.")
    assert event.date.edtf == "2024-05-02"


def test_the_two_ministers_are_the_pair_the_article_is_about():
    text = (
        "Peru reopened its embassy in Fiji on Wednesday. Peru and Fiji have traded for years.\n"
        "In the evening, the two ministers held a meeting."
    )
    meetings = [e for e in candidates(text) if e.type == "meet"]
    assert [(e.date.edtf, set(e.countries)) for e in meetings] == [("2024-05-01", {"PER", "FJI"})]


def test_relations_that_broke_off_are_a_break():
    (event,) = dated("Diplomatic relations between Peru and Chile broke off in mid-March.")
    assert event.type == "reduce_relations"
    assert set(event.countries) == {"PER", "CHL"}
    assert event.date.start.month == 3


def test_a_country_named_only_in_the_circumstances_is_not_a_party():
    (recall,) = dated(
        "Peru recalled its ambassador to Chile on Saturday amid Chile's attacks on civilians "
        "in Bolivia."
    )
    assert set(recall.countries) == {"PER", "CHL"}


def test_a_mediator_named_by_title_is_not_a_party():
    (deal,) = [
        e
        for e in candidates(
            "Peru has agreed to restore relations with Chile, mediator Bolivia said on Friday."
        )
        if e.type == "establish_relations"  # an agreement reached: the restoration itself
    ]
    assert deal.countries == ["PER", "CHL"]


def test_the_embassy_closed_by_one_named_side_is_the_embassy_the_article_is_about():
    text = (
        "Argentina and Bangladesh reopen embassies\n\n"
        "Argentina will reopen its embassy in Dhaka, Bangladesh said on Monday. "
        "In 1977, an Argentine dictator closed the embassy."
    )
    (closing,) = [e for e in candidates(text) if e.date and e.date.edtf == "1977"]
    assert closing.countries == ["ARG", "BGD"]


def test_talks_lasting_days_are_negotiations_a_meeting_is_a_meeting():
    # CAMEO 046 (negotiate): a round of talks told as lasting days.
    for text in (
        "Chilean and Fijian officials held four days of talks from Monday in Lima.",
        "The delegations from the two countries held talks during the period 6-10 March 2024 "
        "in Lima, Chile and Fiji said.",
    ):
        events = [e for e in dated(text) if e.type in {"meet", "negotiate"}]
        assert [e.type for e in events] == ["negotiate"], text
    # CAMEO 040 (meet): one meeting, or talks on one day.
    for text in (
        "The Chilean and Fijian foreign ministers held talks in Lima on Tuesday.",
        "On Tuesday, the Chilean president met the Fijian prime minister in Lima.",
    ):
        events = [e for e in dated(text) if e.type in {"meet", "negotiate"}]
        assert [e.type for e in events] == ["meet"], text


def test_an_announcement_after_an_agreement_names_the_agreement_not_the_old_break():
    events = candidates(
        "Oman and Peru have signed an agreement to restore diplomatic ties seven years after "
        "they broke off diplomatic ties.\n"
        "Officials from the two countries made the announcement on Friday."
    )
    (announcement,) = [e for e in events if e.type == "announce"]
    assert announcement.title == (
        "Oman and Peru announce an agreement to restore diplomatic relations"
    )


def test_the_relationship_the_trigger_names_is_the_pair_an_appeal_from_a_third_is_not():
    (restoration,) = dated(
        "The president of Peru accepts the restoration of diplomatic relations between Chile "
        "and Peru in response to the appeal from Bolivian President Juan Mamani on Friday."
    )
    assert sorted(restoration.countries) == ["CHL", "PER"]


def test_who_reports_a_deal_between_two_others_is_not_a_party():
    for text in (
        "Peru and Chile restored diplomatic relations on Monday, Fiji said.",
        "Peru and Chile restored diplomatic relations on Monday, according to Fiji.",
        "Peru and Chile restored diplomatic relations on Monday, a statement from the "
        "Fijian presidency said.",
    ):
        (restoration,) = dated(text)
        assert sorted(restoration.countries) == ["CHL", "PER"], text
    # A party reporting its own deal stays a party.
    (own,) = dated("Peru restored diplomatic relations with Chile on Monday, Peru said.")
    assert sorted(own.countries) == ["CHL", "PER"]


def test_a_country_listed_among_the_subjects_that_announce_a_break_is_a_party():
    (severance,) = dated(
        "In June 2017, Peru, Chile, Bolivia, and Fiji announced the severance of diplomatic "
        "relations with Tonga."
    )
    assert sorted(severance.countries) == ["BOL", "CHL", "FJI", "PER", "TON"]


def test_regretting_or_condemning_another_sides_decision_is_a_criticism_not_the_decision():
    (event,) = dated(
        "Fiji said on Tuesday it regretted Peru's decision to expel its ambassador.",
        dt.date(2024, 5, 8),
    )
    assert event.type == "criticise"
    assert event.countries[:2] == ["FJI", "PER"]
    assert event.date.edtf == "2024-05-07"
    assert event.title == "Fiji criticises Peru"
    # Without the reaction, the expulsion itself.
    (event,) = dated("Peru expelled the ambassador of Fiji on Tuesday.", dt.date(2024, 5, 8))
    assert event.type == "expel_withdraw"


def test_declaring_an_envoy_persona_non_grata_is_an_expulsion():
    (event,) = dated('Chile declared the ambassador of Peru "persona non grata" on Monday.')
    assert event.type == "expel_withdraw"
    assert event.countries[:2] == ["CHL", "PER"]
    assert event.title == "Chile expels diplomats of Peru"


def test_ordering_ones_own_envoy_home_is_a_recall():
    (event,) = dated("On Monday, Fiji ordered its ambassador home from Chile.")
    assert event.type == "expel_withdraw"
    assert event.title == "Fiji withdraws diplomats from Chile"
    assert dated("Chile called its envoy back home from Peru on Friday.")[0].type == (
        "expel_withdraw"
    )


def test_a_phone_call_between_leaders_is_talks():
    (event,) = dated("President Boric of Chile spoke to Fiji's prime minister on Thursday.")
    assert event.type == "meet"
    (event,) = dated("Chile and Peru held a telephone conversation on Thursday.")
    assert event.type == "meet"
    # Speaking to the press is no diplomatic contact.
    assert dated("The Chilean minister spoke to reporters on Thursday.") == []


def test_who_helped_broker_a_deal_is_not_a_party():
    (event,) = dated(
        "Chile and Peru agreed on Thursday to restore relations in a deal brokered with "
        "Fiji's help."
    )
    assert event.type == "establish_relations"
    assert sorted(event.countries) == ["CHL", "PER"]


def test_an_expulsion_and_the_recall_in_return_are_two_happenings():
    text = (
        "Peru expelled Chile's ambassador on Tuesday. "
        "Chile on Tuesday ordered its envoy home from Peru."
    )
    events = build_timeline([DocInput("a", text, dt.date(2024, 5, 8))]).events
    assert sorted(e.title for e in events) == [
        "Chile withdraws diplomats from Peru",
        "Peru expels diplomats of Chile",
    ]


def test_the_land_whose_sovereignty_is_recognised_or_supported_is_not_a_party():
    (event,) = dated(
        "On Thursday the president of Chile spoke to Peru's president and reaffirmed "
        "support for Peru's claim over Greenland."
    )
    assert event.type == "meet"
    assert sorted(event.countries) == ["CHL", "PER"]


def test_a_ranked_bare_recognise_reports_a_past_recognition():
    # "the first country to recognise X": the ranking tells a done recognition, even behind
    # words that elsewhere hedge ("opportunity").
    (event,) = dated(
        "Their trade opportunity has grown since Peru became the first country to "
        "recognise Fiji in 1977, the ministry said."
    )
    assert (event.type, event.status, event.date.edtf) == ("recognise", "done", "1977")
    assert event.countries[:2] == ["PER", "FJI"]
    # A plan, a wish, a call or a bare infinitive is no recognition.
    for text in (
        "Peru plans to recognise Fiji next year.",
        "Chile will recognise Fiji on Monday.",
        "Chile urged Peru to recognise Fiji on Monday.",
        "Peru hopes to become the first country to recognise Fiji in 2027.",
        "Peru would be the first country to recognise Fiji.",
    ):
        assert [e for e in candidates(text) if e.type == "recognise"] == [], text


def test_recognising_a_claim_and_recognising_the_state_are_two_happenings():
    text = (
        "On Thursday Chile's president spoke to Peru's president. "
        "The president said Chile recognised Peru's sovereignty over the islands. "
        "Their friendship has endured since Chile became the first country to recognise "
        "Peru in 1822."
    )
    result = build_timeline([DocInput("a", text, PUBLISHED)])
    recognitions = [e for e in result.events if e.type == "recognise"]
    assert [e.date.edtf for e in recognitions] == ["1822"]
    assert [r.sentence for r in recognitions[0].evidence] == [2]


def test_expelling_a_named_envoy_is_an_expulsion_of_his_country():
    (event,) = dated(
        "Fiji said on Monday it was expelling Chile's Ana Maria Torres, whom it lists as a "
        "diplomatic agent."
    )
    assert event.type == "expel_withdraw"
    assert event.countries[:2] == ["FJI", "CHL"]
    (event,) = dated("Fiji on Monday expelled Chile's top intelligence official Ana Maria Torres.")
    assert (event.type, event.countries[:2]) == ("expel_withdraw", ["FJI", "CHL"])
    # Without any envoy or official in the sentence, a named person expelled is no diplomat.
    assert dated("Fiji on Monday expelled Chile's Ana Maria Torres from the football team.") == []


def test_a_leading_after_clause_is_not_dated_by_the_report_of_the_main_clause():
    text = (
        "Hours after Chile expelled a Peruvian diplomat, Peru asked a senior Chilean diplomat "
        "to leave the country, the ministry said on Tuesday. "
        "The Chilean minister said on Monday that Chile was expelling Peru's Ana Maria Torres, "
        "a diplomatic agent."
    )
    result = build_timeline([DocInput("a", text, PUBLISHED)])
    by_subject = {e.countries[0]: e for e in result.events if e.type == "expel_withdraw"}
    # Each side's expulsion is its own happening, on its own day.
    assert by_subject["PER"].date.edtf == "2024-04-30"
    assert by_subject["CHL"].date.edtf == "2024-04-29"
    assert sorted(r.sentence for r in by_subject["CHL"].evidence) == [0, 1]


def test_a_country_accepted_or_admitted_as_a_member_joins_the_organisation():
    # "accepted into the organisation as its Nth member" is an accession (CAMEO 05), not the
    # summit it happened at; the city and country of the venue are no party to it.
    text = (
        "At the summit of the Pacific Islands Forum (PIF) held on Sunday in the Peruvian "
        "capital Lima, Fiji was accepted into the organization as the 19th member country."
    )
    (event,) = dated(text, dt.date(2024, 5, 6))
    assert event.type == "join_organisation"
    assert event.countries == ["FJI"]
    assert event.date.edtf == "2024-05-05"
    (other,) = dated("In 2019, Chile was admitted as the newest member of the Pacific Alliance.")
    assert other.type == "join_organisation"
    (third,) = dated("Fiji became the 127th member state of the United Nations in 1970.")
    assert third.type == "join_organisation"


def test_raising_a_mission_to_ambassador_level_is_an_upgrade_of_relations():
    # The mirror of a downgrade (CAMEO 05 diplomatic cooperation), titled as the upgrade it
    # is, with the side that raises its mission first; talk of an upgrade is no happening.
    text = (
        "LIMA: Peru on Friday upgraded its diplomatic representation in Fiji from chargé "
        "d'affaires to the level of ambassador."
    )
    (event,) = dated(text, dt.date(2024, 5, 4))
    assert event.type == "establish_relations"
    assert event.countries[:2] == ["PER", "FJI"]
    assert event.date.edtf == "2024-05-03"
    assert event.title == "Peru upgrades its diplomatic representation in Fiji"
    (passive,) = dated(
        "In 2019, relations between Chile and Fiji were upgraded to ambassador level."
    )
    assert passive.type == "establish_relations"
    talk = candidates("On Monday Peru said it was considering an upgrade in diplomatic ties.")
    assert all(e.type != "establish_relations" for e in talk)


def test_closing_a_consulate_lowers_relations_and_says_who_ordered_it():
    # One post instead of the whole embassy: still a reduction of relations (CAMEO 161); the
    # side that orders the closure comes first, the side told to close second.
    (ordered,) = dated("On Thursday Peru ordered Chile to close its consulate general in Cusco.")
    assert ordered.type == "reduce_relations"
    assert ordered.countries[:2] == ["PER", "CHL"]
    assert ordered.date.edtf == "2024-05-02"
    assert ordered.title == "Peru orders Chile to close a consulate"
    (own,) = dated("On Thursday Fiji closed its consulate in Chile.")
    assert own.type == "reduce_relations"
    assert own.title == "Fiji closes its consulate in Chile"
    (quoted,) = candidates(
        'Peru said on Thursday: "We are requiring the Chilean Government to close its '
        'Consulate General in Cusco."'
    )
    assert quoted.countries[:2] == ["PER", "CHL"]


def test_ordering_cuts_to_another_side_s_diplomatic_staff_is_an_expulsion_of_diplomats():
    (cut,) = dated("In May 2023 Chile ordered Peru to cut its diplomatic staff in Chile to 40.")
    assert cut.type == "expel_withdraw"
    assert cut.countries[:2] == ["CHL", "PER"]
    assert cut.title == "Chile orders Peru to cut its diplomatic staff"
    (own,) = dated("In May 2023 Fiji reduced the number of diplomats at its embassy in Peru.")
    assert own.type == "expel_withdraw"
    # Staff cuts elsewhere are no diplomatic happening.
    assert dated("In May 2023 the Chilean airline cut its staff by a third.") == []


def test_an_earlier_agreement_told_by_a_pronoun_is_a_signing_of_its_own():
    text = (
        "Peru and Fiji on Thursday signed an agreement on visa-free travel. The agreement was "
        "signed by Peru's foreign minister Ana Soto and Fiji's Ratu Vula. Ana Soto said the "
        "new agreements, together with the one signed in February on visas for diplomats, "
        "would boost tourism."
    )
    result = build_timeline([DocInput("a", text, PUBLISHED)])
    signings = sorted(
        (e for e in result.events if e.type == "sign_agreement"), key=lambda e: e.date.edtf
    )
    assert [e.date.edtf for e in signings] == ["2024-02", "2024-05-02"]
    # The undated sentence between them tells Thursday's signing, told before it.
    assert {ev.sentence for ev in signings[1].evidence} == {0, 1}
    assert {ev.sentence for ev in signings[0].evidence} == {2}


def test_who_negotiated_a_deal_for_two_others_is_not_a_party():
    (event,) = dated(
        "Peru and Chile agreed to resume ties in March under a deal negotiated by Fiji, raising "
        "hopes in the region."
    )
    assert event.type == "establish_relations"
    assert sorted(event.countries) == ["CHL", "PER"]


def test_a_country_named_as_the_motive_of_a_break_is_not_a_party():
    for text in (
        "Peru broke off relations with Chile in 2016, in a show of solidarity with Fiji after "
        "its embassy in Santiago was attacked.",
        "Peru cut diplomatic ties with Chile in 2016 in solidarity with Fiji.",
    ):
        (event,) = dated(text)
        assert event.type == "reduce_relations", text
        assert sorted(event.countries) == ["CHL", "PER"], text


def test_credentials_are_presented_to_the_state_the_envoy_is_posted_to():
    (event,) = dated(
        "Peru's ambassador to Chile Ana Ruiz, along with envoys of Fiji and Tonga, presented her "
        "credentials to President Luis Soto on Thursday."
    )
    assert event.type == "meet"
    assert sorted(event.countries) == ["CHL", "PER"]
    # Credentials presented elsewhere than the post named in the title.
    (event,) = dated(
        "Peruvian Ambassador to Santiago Ana Ruiz presented her credentials as non-resident "
        "ambassador to the Fijian president in Suva on Thursday."
    )
    assert sorted(event.countries) == ["FJI", "PER"]


def test_an_ambassador_sent_back_to_the_post_restores_representation():
    # The mirror of a recall (CAMEO 05, restore): the envoy goes back to the other country.
    for text in (
        "Peru's government ordered on Monday that its ambassador return to Fiji, after she "
        "was called home in July.",
        "The Peruvian ambassador, Ana Torres, returned to her post in Fiji on Monday.",
        "Peru sent its ambassador back to Fiji on Monday.",
    ):
        (event,) = [c for c in dated(text) if c.type == "establish_relations"]
        assert set(event.countries[:2]) == {"PER", "FJI"}, text
        assert event.date.edtf == "2024-04-29", text
    # Going home for consultations is a recall, not a restoration.
    recall = "Peru's ambassador to Fiji returned to Lima for consultations on Monday."
    assert not [c for c in candidates(recall) if c.type == "establish_relations"]


def test_a_measure_announced_to_take_effect_later_is_dated_by_the_decision():
    # "will suspend ... from June 1, the ministry said on Friday": what is reported is the
    # decision, dated by the statement; the day it takes effect is kept in the date's rule.
    text = (
        "Peru's foreign ministry will suspend its embassy operations in Suva from June 1, "
        "the ministry said in a statement on Friday."
    )
    (event,) = [c for c in dated(text) if c.type == "reduce_relations"]
    assert event.date.edtf == "2024-05-03"
    assert event.status == "planned"
    assert "taking effect 1 June 2024" in event.date_rule
    # A happening set for a day (not a state from a day on) keeps that day.
    on_day = "Peru will close its embassy in Suva on June 1, the ministry said on Friday."
    (event,) = [c for c in dated(on_day) if c.type == "reduce_relations"]
    assert event.date.edtf == "2024-06-01"


def test_the_expulsion_decision_named_again_is_the_order_told_before():
    text = (
        "Peru's government has ordered police to expel Fiji's ambassador. The letter, issued "
        "by Peru's foreign ministry and dated Tuesday, stated that the expulsion decision is "
        "irreversible."
    )
    (letter,) = [c for c in candidates(text) if c.sentence == 1]
    assert letter.type == "expel_withdraw"
    assert letter.countries[:2] == ["PER", "FJI"]
    assert letter.date.edtf == "2024-04-30"  # the letter's Tuesday


# --- a plan made news by its announcement (issue #10: "plain statements are missed") -----


def test_a_plan_announced_with_will_is_dated_by_the_announcement():
    # Friday 2024-05-03: Monday is 2024-04-29, Tuesday 2024-04-30.
    (event,) = dated(
        "Chile's foreign minister on Monday announced that the country will be opening a "
        "representative office in Fiji."
    )
    assert event.date.edtf == "2024-04-29"
    assert event.status == "planned"
    assert event.countries[:2] == ["CHL", "FJI"]
    assert event.title == "Chile plans to open a representative office in Fiji"
    (resume,) = dated(
        "Peru and Ghana announced Tuesday that they will resume diplomatic relations."
    )
    assert resume.date.edtf == "2024-04-30"
    assert resume.type == "intent"
    assert set(resume.countries) == {"PER", "GHA"}


def test_a_plan_announced_as_its_plan_to_is_dated_by_the_announcement():
    (event,) = dated(
        "The Bolivian government announced in March its plan to open an embassy in Ghana."
    )
    assert event.date.edtf == "2024-03"
    assert event.title == "Bolivia plans to open an embassy in Ghana"
    # An announced decision is the act itself, not a plan.
    (done,) = dated("Fiji announced on Monday the decision to sever ties with Peru.")
    assert done.type == "reduce_relations"
    assert done.status == "done"


def test_the_host_of_a_mission_comes_second_when_the_acting_side_is_a_pronoun():
    (event,) = dated("Peru announced on Friday that it will close its embassy in Suva.")
    assert event.countries[:2] == ["PER", "FJI"]
    assert event.title == "Peru plans to close its embassy in Fiji"


# --- news of the day told by the verb that governs the trigger --------------------------


def test_the_perfect_or_present_of_the_governing_verb_dates_news_by_the_publication_day():
    published = dt.date(2024, 5, 3)
    (switch,) = build_timeline(
        [
            DocInput(
                "a",
                "The Pacific nation of Tuvalu says it is switching diplomatic recognition from "
                "Taiwan to China.",
                published,
            )
        ]
    ).events
    assert switch.date.edtf == "2024-05-03"
    # The new partner of a switch is no party to the break.
    assert switch.countries == ["TUV", "TWN"]
    assert switch.title == "Tuvalu breaks relations with Taiwan"
    for text, kind in [
        (
            "Fiji and Samoa have announced their immediate withdrawal from the Commonwealth.",
            "reduce_relations",
        ),
        (
            "Chile and Fiji have signed an agreement establishing diplomatic relations.",
            "establish_relations",
        ),
        (
            "Peru's parliament has approved a proposal to establish diplomatic relations "
            "with Fiji.",
            "intent",
        ),
    ]:
        (event,) = build_timeline([DocInput("a", text, published)]).events
        assert (event.type, event.date.edtf) == (kind, "2024-05-03"), text


def test_a_progressive_perfect_or_an_encouragement_is_no_news_of_the_day():
    published = dt.date(2024, 5, 3)
    for text in [
        "Peru's foreign minister has been mediating at talks in Lima between Chile and Bolivia.",
        "Opposition leaders have encouraged us to open relations with Fiji.",
    ]:
        assert build_timeline([DocInput("a", text, published)]).events == [], text


def test_diplomats_told_to_leave_a_country_are_expelled_by_that_country():
    published = dt.date(2024, 5, 3)
    (event,) = build_timeline(
        [
            DocInput(
                "a",
                "Two Chilean diplomats have been accused of espionage and ordered to leave Peru.",
                published,
            )
        ]
    ).events
    assert event.type == "expel_withdraw"
    assert event.countries[:2] == ["PER", "CHL"]
    assert event.title == "Peru expels diplomats of Chile"
    assert event.date.edtf == "2024-05-03"


def test_another_sides_refusal_after_the_trigger_does_not_negate_it():
    (event,) = dated(
        "On June 28, Gabon, which favours Chad, severed ties with Sudan, protesting Khartoum's "
        "refusal to negotiate a settlement."
    )
    assert event.type == "reduce_relations"
    assert event.countries[:2] == ["GAB", "SDN"]
    (first,) = dated("Gabon severed ties with Sudan in 2020, but refused to expel its diplomats.")
    assert first.type == "reduce_relations"
    # A refusal that governs the trigger still voids the act.
    assert dated("Only Gabon refused to restore ties with Sudan in 2021.") == []


def test_terminating_relations_and_suspending_cooperation_reduce_relations():
    (end,) = dated("Malawi terminated diplomatic and consular relations with Iran on Wednesday.")
    assert (end.type, end.date.edtf, end.countries[:2]) == (
        "reduce_relations",
        "2024-05-01",
        ["MWI", "IRN"],
    )
    (freeze,) = dated("Last year, Zambia suspended bilateral cooperation with North Korea.")
    assert freeze.type == "reduce_relations"
    assert freeze.date.edtf == "2023"
    assert freeze.title == "Zambia suspends cooperation with North Korea"
    assert dated("Zambia suspended cooperation on fisheries last year.") == []


def test_a_measure_decided_is_done_and_the_side_that_tells_it_acts():
    text = (
        "Malawi announced on Wednesday that it has decided to terminate diplomatic relations "
        "with Iran."
    )
    (event,) = build_timeline([DocInput("a", text, PUBLISHED)]).events
    assert event.status == "done"
    assert event.date.edtf == "2024-05-01"
    assert event.title == "Malawi breaks relations with Iran"


def test_news_of_the_day_is_not_merged_into_an_old_break_of_the_same_pair():
    old = DocInput("old", "Tuvalu broke off relations with Taiwan on 21 July 2002.", None)
    news = DocInput(
        "news",
        "The Pacific nation of Tuvalu says it is switching diplomatic recognition from Taiwan "
        "to China.",
        dt.date(2024, 1, 15),
    )
    events = build_timeline([old, news]).events
    assert sorted(e.date.edtf for e in events) == ["2002-07-21", "2024-01-15"]


# --- expulsions: a mission or its staff told to leave, an ultimatum after "and" ----------


def test_an_ultimatum_after_and_is_an_expulsion_of_its_own():
    text = (
        "Peru's president announced on Friday that he is breaking off ties with the Chilean "
        "government and gave Chilean diplomats 48 hours to leave the country."
    )
    events = build_timeline([DocInput("a", text, PUBLISHED)]).events
    assert sorted((e.type, e.date.edtf, tuple(e.countries[:2])) for e in events) == [
        ("expel_withdraw", "2024-05-03", ("PER", "CHL")),
        ("reduce_relations", "2024-05-03", ("PER", "CHL")),
    ]
    assert "Peru expels diplomats of Chile" in {e.title for e in events}


def test_a_mission_told_to_leave_is_expelled_by_the_country_it_leaves():
    (given,) = build_timeline(
        [
            DocInput(
                "a",
                "The Chilean diplomatic mission has been given 72 hours to leave Peru.",
                PUBLISHED,
            )
        ]
    ).events
    assert given.title == "Peru expels diplomats of Chile"
    (asked,) = dated(
        "On Monday three Cuban diplomats were asked to leave the kingdom, Moroccan officials said."
    )
    assert asked.type == "expel_withdraw"
    assert asked.countries[:2] == ["MAR", "CUB"]


# --- founding told by missions, a possessive embassy, relations held from a year ---------


def test_resident_missions_and_a_possessive_embassy_establish_relations():
    (missions,) = dated(
        "The two countries established resident diplomatic missions in Accra and Lima at "
        "ambassadorial level in 1981.",
    )
    assert (missions.type, missions.date.edtf) == ("establish_relations", "1981")
    assert set(missions.countries) == {"GHA", "PER"}
    (embassy,) = dated("In March the president opened Chile's new US$ 4 million embassy in Suva.")
    assert embassy.type == "establish_relations"
    # A currency is no country.
    assert embassy.countries[:2] == ["CHL", "FJI"]
    assert dated("In March Peru opened its doors to the embassy staff.") == []


def test_relations_held_from_a_year_until_another_began_in_the_first():
    (event,) = dated("Ghana and Peru had diplomatic relations from 1964 until 1987.")
    assert (event.type, event.date.edtf) == ("establish_relations", "1964")
    assert set(event.countries) == {"GHA", "PER"}


def test_cooperation_suspended_before_a_break_is_a_happening_of_its_own():
    text = (
        "Zambia cut diplomatic ties with North Korea on 3 May 2024. In 2023, Zambia suspended "
        "bilateral cooperation with North Korea."
    )
    events = build_timeline([DocInput("a", text, PUBLISHED)]).events
    assert sorted(e.date.edtf for e in events) == ["2023", "2024-05-03"]
    # An undated break never joins the cooperation suspended before it.
    undated = (
        "Zambia has cut diplomatic ties with North Korea. In 2023, Zambia suspended bilateral "
        "cooperation with North Korea."
    )
    (cooperation,) = build_timeline([DocInput("b", undated, None)]).events
    assert cooperation.date.edtf == "2023"
    assert [r.sentence for r in cooperation.evidence] == [1]


# --- countries named only to describe another, or in a comparison -----------------------


def test_a_possessive_describing_an_apposed_country_is_no_party():
    for text in [
        "Peru cut ties with Chile's closest ally, Fiji, on Monday.",
        "Peru, Chile's closest ally, cut ties with Fiji on Monday.",
        "Peru cut ties with Fiji, Chile's closest ally, on Monday.",
    ]:
        (event,) = dated(text)
        assert event.countries == ["PER", "FJI"], text
        assert event.title == "Peru breaks relations with Fiji"


def test_countries_in_a_comparison_are_no_parties():
    (event,) = dated(
        "Ghana froze relations with Peru on 30 June in a dispute similar to that between "
        "Santiago and Suva."
    )
    assert event.countries == ["GHA", "PER"]


def test_a_pronoun_opening_a_sentence_is_the_country_opening_the_one_before():
    (event,) = dated(
        "Tuvalu is a chain of atolls with about 11,000 people. It has had ties with Japan since "
        "1979."
    )
    assert (event.type, event.date.edtf) == ("establish_relations", "1979")
    assert event.countries == ["TUV", "JPN"]
    # A subject named in the clause is never replaced.
    (own,) = dated(
        "Tuvalu is a chain of atolls. Then Samoa established relations with Japan in 1979."
    )
    assert own.countries[:2] == ["WSM", "JPN"]


def test_envoys_expelled_from_a_country_are_expelled_by_it():
    for text in [
        "Chile's ambassador has been expelled from Peru.",
        "Two Chilean diplomats were expelled from Peru on Monday.",
    ]:
        (event,) = build_timeline([DocInput("a", text, PUBLISHED)]).events
        assert event.countries[:2] == ["PER", "CHL"], text
        assert event.title == "Peru expels diplomats of Chile", text


def test_news_of_the_day_with_an_ordinal_partner_count_is_still_news():
    (event,) = build_timeline(
        [
            DocInput(
                "a",
                "Ghana has established diplomatic relations with Tonga, becoming its 150th "
                "partner.",
                PUBLISHED,
            )
        ]
    ).events
    assert (event.type, event.date.edtf) == ("establish_relations", "2024-05-03")
    # A tally of partners is no news.
    text = "Ghana has established diplomatic relations with 150 countries."
    assert build_timeline([DocInput("a", text, PUBLISHED)]).events == []


def test_suspended_or_frozen_relations_are_not_titled_as_a_break():
    (frozen,) = dated("Ghana froze relations with Peru on 30 April 2024.")
    assert frozen.title == "Ghana freezes relations with Peru"
    (suspended,) = dated("Ghana suspended diplomatic relations with Peru on Monday.")
    assert suspended.title == "Ghana suspends relations with Peru"
    (cut,) = dated("Ghana cut ties with Peru on Monday.")
    assert cut.title == "Ghana breaks relations with Peru"


def test_a_press_conference_with_another_leader_is_a_meeting_but_not_one_with_reporters():
    (event,) = dated(
        "Chile's president spoke at a press conference with President Jose Rojas of Peru in "
        "Lima on 2 May 2024."
    )
    assert event.type == "meet"
    assert event.date.edtf == "2024-05-02"
    assert dated("Chile's president told a news conference with reporters on Monday.") == []


def test_a_formal_notice_tells_what_was_done_not_a_wish():
    # "wishes to inform ... that it has signed": the courtesy of a press release.
    notice = (
        "The Government of Peru wishes to inform the public that it has signed a joint "
        "communique establishing diplomatic relations with Fiji on 3 May 2024."
    )
    (event,) = candidates(notice)
    assert event.type == "establish_relations" and event.status == "done"
    assert set(event.countries) == {"PER", "FJI"}
    # A wish proper still tells nothing done.
    assert not dated("Peru wishes to establish diplomatic relations with Fiji on 3 May 2024.")


def test_an_organisation_taking_a_member_back_is_a_joining():
    for text in (
        "The Pacific Islands Forum readmitted Fiji on 3 May 2024.",
        "The Commonwealth allowed Fiji back into the organisation on 3 May 2024.",
    ):
        (event,) = dated(text)
        assert event.type == "join_organisation" and event.countries == ["FJI"], text


def test_leaving_an_organisation_named_as_it_then_was():
    (event,) = dated("Tonga quit the then Organisation of Pacific States in 1984.")
    assert event.type == "reduce_relations" and event.countries == ["TON"]
    (left,) = dated("In 1984, Tonga left the AU after the body admitted a rival.")
    assert left.type == "reduce_relations" and left.countries == ["TON"]


def test_the_address_of_a_venue_names_no_party():
    # "City, Country" after the venue: the country completes the address.
    for text in (
        "Peru signed a joint communique establishing diplomatic relations with Fiji on "
        "3 May 2024 at a ceremony held in Nairobi, Republic of Kenya.",
        "Peru signed a joint communique establishing diplomatic relations with Fiji on "
        "3 May 2024 at the Embassy of Fiji, Nairobi, Republic of Kenya.",
    ):
        (event,) = dated(text)
        assert event.type == "establish_relations"
        assert set(event.countries) == {"PER", "FJI"}, text


def test_a_document_signed_with_a_partner_named_beside_it():
    (event,) = dated("The Joint Communique with the Republic of Fiji was signed on 2 May 2024.")
    assert event.type == "sign_agreement" and "FJI" in event.countries
    assert event.date.edtf == "2024-05-02"


def test_a_date_for_another_happening_named_after_the_trigger_does_not_date_it():
    # "elections scheduled for early 2025" dates the elections, not the break.
    text = (
        "Peru has announced it is severing diplomatic ties with Fiji, accusing it of "
        "interference as Lima prepares elections scheduled for early 2025."
    )
    (event,) = candidates(text)
    assert event.type == "reduce_relations"
    assert not event.date or event.date.start.year == 2024


def test_an_organisation_putting_a_member_out():
    for text in (
        "The Pacific Islands Forum suspended Fiji in 2009.",
        "Fiji was suspended from the Pacific Islands Forum in 2009.",
        "The Commonwealth expelled Fiji from the organisation in 2009.",
        "At Australian urging, the Pacific Islands Forum excluded Fiji in 2009.",
        "At the request of Australia, the Pacific Islands Forum excluded Fiji in 2009.",
    ):
        (event,) = dated(text)
        assert event.type == "reduce_relations" and event.countries == ["FJI"], text
        assert "suspended from" in event.title


def test_a_member_put_out_of_an_organisation_is_not_a_break_of_the_year_before():
    text = (
        "The United States broke diplomatic relations with Cuba in January, 1961. "
        "The Organization of American States excluded Cuba in 1962."
    )
    events = build_timeline([DocInput("a", text, dt.date(1995, 4, 21))]).events
    assert sorted(e.date.edtf for e in events) == ["1961-01", "1962"]


def test_recognition_switched_to_a_partner_establishes_relations_with_it():
    (event,) = dated("Peru switched diplomatic recognition to Taiwan in 1994.")
    assert event.type == "establish_relations" and set(event.countries) == {"PER", "TWN"}
    # The reason of a break told, not a happening of its own.
    told = candidates(
        "Taiwan and Peru severed ties on 3 May 2024 after Peru decided to switch "
        "diplomatic recognition to China."
    )
    assert [c.type for c in told] == ["reduce_relations"]


def test_cooperation_suspended_with_a_named_partner():
    (event,) = dated("Peru suspended co-operation with Chile in 1993.")
    assert event.type == "reduce_relations" and event.countries == ["PER", "CHL"]
    assert not dated("Peru suspended cooperation with the IMF in 1993.")


def test_a_gerund_hanging_on_a_described_country_has_the_article_country():
    text = (
        "Peru's foreign minister will visit China on Saturday. It is the first such visit "
        "since the Andean country suspended co-operation with Beijing in 1993 before "
        "switching recognition to Taiwan a year later."
    )
    (switch,) = [c for c in dated(text) if c.type == "establish_relations"]
    assert set(switch.countries) == {"PER", "TWN"} and switch.date.edtf == "1994"


def test_an_embassy_opening_as_the_subject_and_ambassadors_exchanged():
    (opened,) = dated("On 19 February 1980, the first Peruvian embassy in Asia opened in Tokyo.")
    assert opened.type == "establish_relations" and set(opened.countries) == {"PER", "JPN"}
    assert "opens" in opened.title
    (exchanged,) = dated("Peru and Chile exchanged ambassadors on 26 February 1980.")
    assert exchanged.type == "establish_relations"
    assert not dated("Gunmen near the embassy opened fire on 3 May 2021.")


def test_an_embassy_opened_weeks_after_relations_is_a_step_of_its_own():
    text = (
        "Peru and Chile established diplomatic relations on January 26, 1980. "
        "The first Peruvian embassy in Chile formally opened in Santiago on February 19, 1980."
    )
    events = build_timeline([DocInput("a", text, dt.date(2021, 3, 1))]).events
    assert sorted(e.date.edtf for e in events) == ["1980-01-26", "1980-02-19"]


def test_a_country_pressing_for_the_act_is_no_party():
    (event,) = dated(
        "In 1967 Peru broke off diplomatic relations with Chile under Soviet pressure."
    )
    assert event.countries == ["PER", "CHL"]
    (other,) = dated("In 1967 Peru broke off relations with Chile under pressure from Bolivia.")
    assert other.countries == ["PER", "CHL"]


def test_recognition_taken_back_lowers_relations():
    for text in (
        "On 2 May Palau withdrew its recognition of Kosovo.",
        "On 2 May Palau announced the withdrawal of its recognition of Kosovo.",
    ):
        (event,) = dated(text)
        assert event.type == "reduce_relations", text
        assert event.title == "Palau withdraws recognition of Kosovo", text


def test_a_country_named_only_as_the_target_of_sanctions_does_not_impose_them():
    # "on Belarus" names the target: with no state as subject, the title names no actor.
    for text in (
        "The European Union imposed new sanctions on Belarus on 3 May 2024.",
        "New sanctions were imposed on Belarus on 3 May 2024.",
    ):
        (event,) = dated(text)
        assert event.type == "impose_sanctions" and event.countries == ["BLR"], text
        assert event.title == "Sanctions imposed on Belarus", event.title
    (event,) = dated("Peru imposed sanctions on Fiji on 3 May 2024.")
    assert event.countries == ["PER", "FJI"]
    assert event.title == "Peru imposes sanctions on Fiji"


def test_a_mission_title_names_its_host_not_a_third_party_of_the_sentence():
    # A third country speaks in the sentence (and so joins the parties), but the title
    # names where the mission opens: the "host" role, not the second party.
    for text, host in [
        (
            "The Japanese publication reported that when the Peruvian government announced"
            " in March its plan to open a representative office in Fiji, Chilean Foreign"
            ' Ministry spokesman Juan Soto said the Andean state should "avoid doing anything'
            ' detrimental to bilateral political mutual trust."',
            "Fiji",
        ),
        (
            "The Kenyan newspaper reported that when the Ghanaian government announced in"
            " January its plan to open an embassy in Bolivia, Nigerian Foreign Ministry"
            ' spokesman Ade Bello said the West African state should "avoid doing anything'
            ' detrimental to bilateral political mutual trust."',
            "Bolivia",
        ),
        (
            "The Japanese publication reported that when the Norwegian government announced"
            " in February its plan to open a representative office in Nepal, Indian Foreign"
            ' Ministry spokesman Ravi Kumar said the Nordic state should "avoid doing anything'
            ' detrimental to bilateral political mutual trust."',
            "Nepal",
        ),
    ]:
        (event,) = dated(text)
        assert len(event.countries) == 3
        assert event.title.endswith(f" in {host}"), event.title
