"""One event per happening across articles: dates told at several precisions, copies that
disagree, sentences pointing back at a happening, people named in several ways."""

from __future__ import annotations

import datetime as dt

from timeline.extraction.actors import find_actors, merge_actors
from timeline.extraction.countries import find_countries
from timeline.extraction.pipeline import build_timeline, extract_article
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import PERSON, DocInput


def _dates(event) -> list[str]:
    (conflict,) = [c for c in event.conflicts if c.field == "date"]
    return sorted(value for value, _ in conflict.claims)


def test_days_inside_a_year_win_over_the_year_and_their_disagreement_is_kept():
    year = DocInput("a", "Chile established diplomatic relations with Fiji in 1985.")
    one_day = DocInput("b", "Chile established diplomatic relations with Fiji on 14 October 1985.")
    other_day = DocInput(
        "c", "Fiji and Chile established diplomatic relations on October 16, 1985."
    )
    (event,) = build_timeline([year, one_day, other_day]).events
    assert event.date.edtf == "1985-10-14"  # no day has more support: the earlier one
    assert _dates(event) == ["14 October 1985", "16 October 1985", "1985"]


def test_a_month_and_a_day_inside_it_agree_on_the_day():
    month = DocInput("a", "Peru broke off diplomatic relations with Tonga in March 2011.")
    day = DocInput("b", "Peru broke off diplomatic relations with Tonga on March 3, 2011.")
    (event,) = build_timeline([month, day]).events
    assert event.date.edtf == "2011-03-03"
    assert not [c for c in event.conflicts if c.field == "date"]


def _sources(event) -> list[int]:
    return sorted(ref.sentence for ref in event.evidence)


def test_a_sentence_naming_the_happening_again_is_one_more_source_of_it():
    text = (
        "Peru expelled Chile's ambassador on Tuesday over remarks about the border. "
        "The expulsion drew protests from opposition lawmakers in Santiago."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert event.type == "expel_withdraw"
    assert _sources(event) == [0, 1]


def test_a_move_names_only_the_happening_told_just_before():
    text = (
        "Fiji cut diplomatic ties with Tonga on Monday. "
        "Fiji's foreign minister spoke to reporters at length. "
        "Officials in Suva declined to comment. "
        "The move surprised many observers."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert _sources(event) == [0]


def test_an_owner_that_is_not_a_party_names_another_happening():
    text = (
        "Samoa broke off diplomatic relations with Nauru on Monday. "
        "Kiribati's defection last year had already weakened the bloc."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert _sources(event) == [0]
    text = (
        "Samoa broke off diplomatic relations with Nauru on Monday. "
        "Samoa's defection leaves Nauru with few friends in the region."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert _sources(event) == [0, 1]


def test_a_sentence_with_a_date_of_its_own_tells_another_step():
    text = (
        "Gabon rejoined the Commonwealth on Thursday. "
        "The readmission was first requested in March 2019."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 8))]).events
    assert _sources(event) == [0]


def test_a_decision_to_do_something_else_is_not_the_happening_named_again():
    text = (
        "Chile recalled its ambassador from Peru on Monday. "
        "The decision to recall him was criticised, but the decision to expel Peru's "
        "consul drew more fire."
    )
    events = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert next(_sources(e) for e in events if e.type == "expel_withdraw") == [0]


def test_copies_dating_one_expulsion_a_few_days_apart_are_one_event_with_a_conflict():
    a = DocInput(
        "a",
        "Peru expelled Bolivia's ambassador on Tuesday, the ministry said.",
        dt.date(2024, 6, 6),
    )
    b = DocInput("b", "Peru expelled Bolivia's ambassador on June 5, 2024.")
    (event,) = build_timeline([a, b]).events
    assert event.corroboration == 2
    assert _dates(event) == ["4 June 2024", "5 June 2024"]


def test_one_article_telling_two_days_tells_two_expulsions():
    text = (
        "Peru expelled Bolivia's ambassador on June 3, 2024. "
        "Peru expelled Bolivia's ambassador again on June 6, 2024, after he returned."
    )
    assert len(build_timeline([DocInput("a", text)]).events) == 2


def test_expulsions_weeks_apart_are_two_events():
    a = DocInput("a", "Peru expelled Bolivia's ambassador on June 3, 2024.")
    b = DocInput("b", "Peru expelled Bolivia's ambassador on June 24, 2024.")
    assert len(build_timeline([a, b]).events) == 2


def _actors_of(text: str):
    sentences = split_sentences(text)
    actors, _ = find_actors(text, sentences, find_countries(text, sentences))
    return [a for a in actors if a.kind == PERSON]


def test_the_country_an_envoy_is_sent_to_is_not_the_envoys_own():
    (envoy,) = _actors_of("Chile recalled Joao Pereira, the ambassador to Lima, on Monday.")
    assert envoy.country != "PER"
    (envoy,) = _actors_of("Ambassador to Peru Joao Pereira left Lima on Monday.")
    assert envoy.country != "PER"
    (envoy,) = _actors_of("Joao Pereira, the ambassador of Brazil, left Lima on Monday.")
    assert envoy.country == "BRA"


def test_an_envoy_named_with_host_and_home_country_is_one_person():
    host = _actors_of("Chile recalled Joao Pereirra, the ambassador to Lima, on Monday.")
    home = _actors_of("Chile's Ambassador to Peru Joao Pereira left Lima on Monday.")
    merged, _ = merge_actors([host, home])
    assert len([a for a in merged if a.kind == PERSON]) == 1


def test_a_long_name_spelled_alike_is_one_person_whatever_country_a_source_gives():
    one = _actors_of("Qatar's Foreign Minister Khalid bin Nasser al-Thani arrived in Doha.")
    other = _actors_of(
        "Oman's envoy Salim Harthy met Khalid bin Nasser al-Thani, minister of Oman, in Muscat."
    )
    merged, _ = merge_actors([one, other])
    assert len([a for a in merged if "Khalid bin Nasser al-Thani" in a.aliases]) == 1


def test_a_two_word_name_in_two_countries_stays_two_people():
    egypt = _actors_of("Foreign Minister Omar Farouk of Egypt visited Chile.")
    sudan = _actors_of("Foreign Minister Omar Farouk of Sudan visited Peru.")
    merged, _ = merge_actors([egypt, sudan])
    assert len(merged) == 2


def test_a_hyphenated_title_is_no_part_of_the_name():
    (person,) = _actors_of("He met Governor-General Kila Mari at Government House.")
    assert person.name == "Kila Mari"
    (person,) = _actors_of("Deputy Commander-in-Chief Sao Vanna said the border was calm.")
    assert person.name == "Sao Vanna"
    (person,) = _actors_of("Then-ruler Amos Tembo said the body was biased.")
    assert person.name == "Amos Tembo"


def test_a_name_written_with_a_glottal_stop_or_opening_quote_is_whole():
    (person,) = _actors_of("King Siaosi Fatafehi Tuku‘aho opened the embassy.")
    assert person.name == "Siaosi Fatafehi Tuku‘aho"


def test_a_name_after_a_title_it_is_called_by_is_known_by_that_form_too():
    (person,) = _actors_of("Sheikh Abdullah Rahim would reach Lahore tomorrow.")
    assert {"Abdullah Rahim", "Sheikh Abdullah Rahim"} <= person.aliases
    (person,) = _actors_of("Foreign Minister Abdullah Rahim would reach Lahore tomorrow.")
    assert person.aliases == {"Abdullah Rahim"}


def test_a_monarch_named_with_and_without_a_given_name_is_one_person():
    full = _actors_of("King Siaosi Tupou V opened parliament on Monday.")
    short = _actors_of("King Tupou V thanked the envoys. King Tupou VI later visited China.")
    merged, _ = merge_actors([full, short])
    names = sorted(sorted(a.aliases) for a in merged)
    assert names == [
        ["King Siaosi Tupou V", "King Tupou V", "Siaosi Tupou V", "Tupou V"],
        ["King Tupou VI", "Tupou VI"],
    ]


def test_a_headline_joins_the_happening_its_body_tells_as_news_of_the_day():
    text = (
        "Peru expels Chilean ambassador over border remarks\n\n"
        "Peru has expelled Chile's ambassador over his remarks on the border dispute."
    )
    copy = "Peru expels Chile's ambassador over border remarks"
    events = build_timeline([DocInput("a", text, dt.date(2024, 6, 6)), DocInput("b", copy)]).events
    (event,) = [e for e in events if e.type == "expel_withdraw"]
    assert sorted((r.article, r.sentence) for r in event.evidence) == [
        ("a", 0),
        ("a", 1),
        ("b", 0),
    ]


def test_a_byline_names_a_person():
    (person,) = _actors_of("By Ana Kovacs\n\nZAGREB (Reuters) - Croatia recalled its envoy.")
    assert person.name == "Ana Kovacs"
    (person,) = _actors_of("June 2, 1994|By Tom Reid, Daily Herald.\n\nOSLO - Talks ended.")
    assert person.name == "Tom Reid"


def test_middle_initials_belong_to_the_name_and_tell_people_apart():
    (person,) = _actors_of("President John Q. Adams said the talks had failed.")
    assert person.name == "John Q. Adams"
    one = _actors_of("President John Q. Adams said the talks had failed.")
    plain = _actors_of("President John Adams said the talks had failed.")
    other = _actors_of("President John T. Adams said the talks had failed.")
    assert len(merge_actors([one, plain])[0]) == 1
    assert len(merge_actors([one, other])[0]) == 2


def test_a_title_that_is_also_a_family_name_can_end_a_name():
    (person,) = _actors_of("Ambassador Inga Maria King signed the joint communique.")
    assert person.name == "Inga Maria King"
    (person,) = _actors_of("Foreign Minister Salman Khan met the Saudi King in Riyadh.")
    assert person.name == "Salman Khan"


def test_a_short_word_ending_a_name_before_its_verb_is_part_of_the_name():
    (person,) = _actors_of("Deputy Prime Minister Sok Ly An said the border was calm.")
    assert person.name == "Sok Ly An"
    (person,) = _actors_of("Cambodian Deputy Prime Minister Hor An said it was temporary.")
    assert person.name == "Hor An"


def test_a_plan_for_a_day_and_the_deed_told_on_that_day_are_one_happening():
    plan = DocInput(
        "a",
        "Peru and Fiji will establish diplomatic relations on 1 July 2024, the ministry said.",
        dt.date(2024, 6, 20),
    )
    deed = DocInput(
        "b",
        "Fiji established diplomatic relations with Peru on Monday, and simultaneously sought "
        "an end to its long dispute with Tonga.",
        dt.date(2024, 7, 2),
    )
    (event,) = build_timeline([plan, deed]).events
    assert event.status == "done"
    assert event.date.edtf == "2024-07-01"
    assert event.corroboration == 2


def test_a_plan_for_one_day_and_a_deed_on_another_stay_apart():
    plan = DocInput(
        "a",
        "Peru and Fiji will establish diplomatic relations on 1 July 2024, the ministry said.",
        dt.date(2024, 6, 20),
    )
    deed = DocInput("b", "Peru and Fiji established diplomatic relations on 5 July 2024.")
    assert len(build_timeline([plan, deed]).events) == 2


def test_a_kind_of_happening_told_once_is_named_again_however_far_back():
    text = (
        "Peru expelled Chile's ambassador on Tuesday over remarks about the border. "
        "Officials in Lima gave no further details. "
        "Lawmakers met late into the night. "
        "Markets were calm. "
        "Farmers in the south protested over prices. "
        "The expulsion drew protests from opposition lawmakers in Santiago."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert _sources(event) == [0, 5]


def test_a_kind_told_of_two_pairs_is_named_again_only_nearby():
    text = (
        "Peru expelled Chile's ambassador on Tuesday. "
        "Peru expelled Bolivia's ambassador on Wednesday. "
        "Officials in Lima gave no further details. "
        "Lawmakers met late into the night. "
        "Markets were calm. "
        "The expulsion drew protests from opposition lawmakers."
    )
    events = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert sorted(_sources(e) for e in events) == [[0], [1]]


def test_a_hyphenated_modifier_before_a_title_still_gives_the_title():
    (person,) = _actors_of("Zambia left in 1999, after then-ruler Amos Tembo accused the body.")
    assert person.name == "Amos Tembo"
    assert "Ruler" in person.titles


def test_a_sentence_naming_a_happening_again_joins_wherever_that_happening_goes():
    news = DocInput(
        "a",
        "Peru has expelled Chile's ambassador over his remarks. "
        "The expulsion drew protests from opposition lawmakers in Santiago.",
        dt.date(2024, 6, 6),
    )
    old = DocInput("b", "Peru expelled Chile's ambassador in March 2019 over a spy case.")
    events = build_timeline([news, old]).events
    by_year = {
        e.date.start.year: sorted((r.article, r.sentence) for r in e.evidence) for e in events
    }
    assert by_year == {2019: [("b", 0)], 2024: [("a", 0), ("a", 1)]}


def test_a_ceremony_or_communique_named_again_is_one_more_source():
    text = (
        "Peru and Fiji signed a joint communique establishing diplomatic relations on Monday. "
        "The ceremony was attended by both foreign ministers. "
        "This communique made Fiji the 150th country with which Peru has relations."
    )
    (event,) = build_timeline([DocInput("a", text, dt.date(2024, 6, 6))]).events
    assert _sources(event) == [0, 1, 2]


def test_a_demonym_and_a_word_for_a_person_before_a_name_make_a_person_of_that_country():
    people = _actors_of("Kenyan woman Amina Odhiambo and Thai student Somchai Boon were held.")
    assert sorted((p.name, p.country) for p in people) == [
        ("Amina Odhiambo", "KEN"),
        ("Somchai Boon", "THA"),
    ]
    # A headline's "Uzbek envoy" above a caption is no description of the caption's name.
    (person,) = _actors_of("Turkmenistan expels Uzbek envoy\nPresident Amir Tashkentov spoke.")
    assert person.country != "UZB"


def test_a_name_whose_government_or_rule_is_told_is_a_person():
    (person,) = _actors_of("Relations resumed under the previous government of Amadou Sall.")
    assert person.name == "Amadou Sall"
    (person,) = _actors_of("They suffer under the leadership of Kim Sung Ho, the report said.")
    assert person.name == "Kim Sung Ho"
    assert not _actors_of("The government of Botswana said the decision was final.")


def test_a_name_set_off_by_commas_as_the_speaker_is_a_person():
    (person,) = _actors_of("Our Africa correspondent, Grace Mwangi, says the move was expected.")
    assert person.name == "Grace Mwangi"
    assert not _actors_of("The talks moved to the capital, Port Vila, after the storm.")


def test_spanish_particles_and_articles_stay_inside_a_name_told_as_a_title():
    (person,) = _actors_of("The new ambassador is Rosa Maria Ortega De la Fuente.")
    assert person.name == "Rosa Maria Ortega De la Fuente"
    (person,) = _actors_of("Foreign Minister Ana de los Santos met reporters.")
    assert person.name == "Ana de los Santos"


def test_a_speakers_today_is_the_day_the_words_were_said():
    # The report of the next day quotes the minister's "today": it is the Tuesday the
    # sentence names, not the day the copy was published.
    copy = DocInput(
        "a",
        '"Peru has decided to cut diplomatic relations with Fiji from today," Tuesday, '
        "the minister announced.",
        dt.date(2031, 3, 5),
    )
    (event,) = build_timeline([copy]).events
    assert event.date.edtf == "2031-03-04"


def test_an_unanchored_quoted_today_yields_to_a_stated_day():
    # Two next-day copies quote "from today" with no day of the words; one copy of the
    # day itself says "on Tuesday". The stated day wins, whatever the count of copies.
    stated = DocInput(
        "a",
        "Peru cut diplomatic relations with Fiji on Tuesday, the minister said.",
        dt.date(2031, 3, 4),
    )
    quoted = [
        DocInput(
            key,
            '"We have decided to sever diplomatic relations with Fiji from today," '
            "Peru's foreign minister told reporters.",
            dt.date(2031, 3, 5),
        )
        for key in ("b", "c")
    ]
    (event,) = build_timeline([stated, *quoted]).events
    assert event.date.edtf == "2031-03-04"
    assert {ref.article for ref in event.evidence} == {"a", "b", "c"}


def test_a_gerund_after_after_has_the_subject_of_its_sentence():
    # The article is about China and Taiwan; the gerund's subject is still Peru.
    text = (
        "Peru's foreign minister will begin a visit to China on Saturday, just days after "
        "cutting diplomatic ties with Taiwan. China and Taiwan have competed for allies "
        "for decades. Taiwan is left with 12 allies, while China has 180."
    )
    cuts = extract_article(text, published=dt.date(2031, 5, 2)).events
    (cut,) = [c for c in cuts if c.type == "reduce_relations"]
    assert cut.countries[:2] == ["PER", "TWN"]


def test_a_described_country_announcing_a_break_is_the_country_the_article_opens_with():
    copy = DocInput(
        "a",
        "Peru's foreign minister will begin a visit to China on Saturday. It is the first "
        "such visit since the Andean country suspended co-operation with Beijing in 1993. "
        "But on Thursday, the Andean state announced its decision to sever ties with Taiwan.",
        dt.date(2031, 5, 2),
    )
    events = build_timeline([copy]).events
    (cut,) = [e for e in events if e.type == "reduce_relations" and e.date.edtf == "2031-05-01"]
    assert set(cut.countries) == {"PER", "TWN"}


def test_a_since_clause_after_the_trigger_dates_its_own_start():
    copy = DocInput(
        "a",
        "Peru cut ties with Taiwan on Thursday. Peru was the fourth country to cut ties "
        "with Taipei since its president took office two years ago.",
        dt.date(2031, 5, 2),
    )
    (cut,) = [e for e in build_timeline([copy]).events if e.type == "reduce_relations"]
    assert cut.date.edtf == "2031-05-01"
    assert _sources(cut) == [0, 1]


def test_a_restoration_is_not_the_first_establishment_of_its_article():
    # An undated copy tells the restoration and the history; a dated one the day.
    undated = DocInput(
        "a",
        "Peru has re-established diplomatic relations with Chile, according to a communique. "
        "Peru and Chile had diplomatic relations from 1971 until 1996.",
    )
    dated_copy = DocInput(
        "b",
        "On Tuesday, Peru re-established diplomatic relations with Chile.",
        dt.date(2005, 10, 26),
    )
    events = build_timeline([undated, dated_copy]).events
    (again,) = [e for e in events if e.date and e.date.edtf == "2005-10-25"]
    assert ("a", 0) in {(r.article, r.sentence) for r in again.evidence}


def test_a_date_written_out_beats_one_worked_out_from_a_guessed_publication_date():
    # "yesterday" in a report whose year is a guess, against a day another source writes
    # out: as well supported, the written day wins; the other stays a conflict.
    for place, a, b in (("LUSAKA", "Zambia", "Nepal"), ("SUVA", "Fiji", "Uruguay")):
        docs = [
            DocInput(
                "a",
                f"{place}, March 14 - {a} yesterday established full diplomatic relations with "
                f"{b}, its first new partner since 2011.",
            ),
            DocInput(
                "b",
                f"{a} and {b} signed an accord on 14 March 2011 establishing diplomatic "
                "relations, the ministry said.",
                dt.date(2011, 3, 20),
            ),
        ]
        result = build_timeline(docs)
        assert not result.articles["a"].published.certain
        (event,) = result.events
        assert event.date.edtf == "2011-03-14"
        assert [c.field for c in event.conflicts] == ["date"]


def test_news_of_the_day_is_no_happening_dated_years_after_its_article():
    # "have restored relations" in a 2004 article is not the 2008 upgrade of those relations.
    for a, b in (("Chile", "Peru"), ("Ghana", "Togo")):
        docs = [
            DocInput(
                "a",
                f"{a} and {b} have restored diplomatic relations, the two governments said in a "
                "joint statement.",
                dt.date(2004, 8, 2),
            ),
            DocInput(
                "b",
                f"{a} on Thursday named its first ambassador to {b} since the war, upgrading "
                "diplomatic relations.",
                dt.date(2008, 7, 17),
            ),
        ]
        events = build_timeline(docs).events
        (news,) = [e for e in events if any(r.article == "a" for r in e.evidence)]
        assert news.date is not None and news.date.edtf == "2004-08-02"
        assert all(r.article == "a" for r in news.evidence)


def test_an_articles_coarse_date_supports_no_other_day_than_its_own_day():
    # "50 years ago" (1965) in the same article that says "On May 12, 1965" backs May 12,
    # not the day another article's "today" gives.
    anniversary = DocInput(
        "a",
        "50 years ago: Peru and Chile establish diplomatic relations\n\n"
        "On May 12, 1965, Peru and Chile established diplomatic relations, the ministry "
        "recalled.",
        dt.date(2015, 5, 12),
    )
    bulletin = DocInput(
        "b",
        "The establishment of diplomatic relations between Peru and Chile was announced in "
        "Lima today.",
        dt.date(1965, 5, 14),
    )
    (event,) = build_timeline([anniversary, bulletin]).events
    assert event.date.edtf == "1965-05-12"


def test_a_headline_telling_the_act_joins_a_happening_first_told_as_a_decision():
    # One source has the cabinet "decided to cut" ties (a decision), another tells the cut
    # done in its headline and body: one happening, the headline among its sentences.
    decision = DocInput(
        "a",
        "ACCRA, September 4. Ghana decided to cut diplomatic ties with Togo, the prime "
        "minister said on Wednesday.",
        dt.date(2024, 9, 4),
    )
    wire = DocInput(
        "b",
        "url: https://news.example.com/2024/09/04/ghana-cuts-ties/\n\n"
        "Ghana cuts diplomatic ties with Togo\n\n"
        "ACCRA, Ghana (AP) — Ghana's prime minister says the government has cut diplomatic "
        "ties with Togo.",
    )
    (event,) = build_timeline([decision, wire]).events
    assert ("b", 0) in {(r.article, r.sentence) for r in event.evidence}


def test_a_month_before_the_noun_of_another_happening_dates_that_happening():
    # "over July cyberattack": July dates the attack, not the break the headline tells.
    wire = DocInput(
        "b",
        "url: https://news.example.com/2024/09/04/peru-cuts-ties/\n\n"
        "Peru cuts diplomatic ties with Chile over July cyberattack\n\n"
        "LIMA, Peru (AP) — Peru's prime minister says the government has cut diplomatic ties "
        "with Chile. Peru has blamed Santiago for a major cyberattack nearly two months ago.",
    )
    (event,) = build_timeline([wire]).events
    assert event.date.edtf == "2024-09-04"


def test_an_entry_headed_by_its_date_tells_that_day_in_the_historical_present():
    # A timeline entry: title, its date line, the opening in the historical present, then
    # history with dates of its own. The opening (and the title) is the day of the line,
    # not the consular ties of 1987 the entry recalls.
    entry = DocInput(
        "a",
        "Peru and Chile Resume Diplomatic Relations\n\nOctober 18, 1991\n\n"
        "Peru and Chile resume diplomatic relations. The two had broken off diplomatic "
        "relations in June 1967.\n\nIn 1987, the two countries established consular ties.",
    )
    dated = {
        e.date.edtf: {r.sentence for r in e.evidence}
        for e in build_timeline([entry]).events
        if e.type == "establish_relations"
    }
    assert dated["1991-10-18"] == {0, 2}
    assert dated["1987"] == {4}


def test_one_visitors_visits_to_two_countries_are_two_happenings():
    # A year-dated visit to one country and a month-dated one to another's capital agree
    # on their dates, but are two trips.
    one = DocInput(
        "a",
        "Ties grew. A year ago, Chilean President Ana Ruiz visited Nepal.",
        dt.date(2010, 11, 23),
    )
    other = DocInput(
        "b",
        "Bhutan courted Chilean President Ana Ruiz, who last visited Thimphu in November 2009.",
        dt.date(2011, 2, 23),
    )
    visits = sorted(
        (e.date.edtf, sorted(e.countries))
        for e in build_timeline([one, other]).events
        if e.type == "visit"
    )
    assert visits == [("2009", ["CHL", "NPL"]), ("2009-11", ["BTN", "CHL"])]


def test_a_visitors_country_known_from_another_source_is_a_party():
    # One page says only "Premier Ana Ruiz visited Oman"; another names her Chilean.
    bare = DocInput("a", "Premier Ana Ruiz visited Oman on August 6, 1990.")
    named = DocInput("b", "Chilean Premier Ana Ruiz will travel to Muscat, officials said.")
    (visit,) = [e for e in build_timeline([bare, named]).events if e.type == "visit"]
    assert sorted(visit.countries) == ["CHL", "OMN"]


def test_a_meeting_naming_only_people_takes_its_sides_from_the_talks_it_joins():
    # "Mr Mehta and Agha Shahi" at a press conference after talks between two governments
    # (issue #10, dev_23): the meeting's own sentence names no country, the talks do.
    for home, guest, pair in (
        ("Chilean", "Peruvian", ["CHL", "PER"]),
        ("Ghanaian", "Togolese", ["GHA", "TGO"]),
    ):
        text = (
            "This was disclosed in a joint statement issued today at the conclusion of three "
            f"days of talks between the {home} Government and a {guest} delegation led by "
            "the Foreign Secretary, Mr Luis Soto.\n"
            "At a joint Press conference after the talks, Mr Soto and Foreign Secretary Ana "
            f"Cruz, who led the {home} delegation, said that all agreements would be "
            "implemented soon."
        )
        result = build_timeline([DocInput("a", text, dt.date(2024, 5, 3))])
        assert [sorted(e.countries) for e in result.events] == [pair], home


def test_news_of_the_day_joins_no_happening_of_its_pair_dated_months_away():
    # A membership suspended: told as news of the day in June, and a suspension the
    # organisation decided in December. Such a step is rare for one member, yet the June
    # news is not the December happening.
    june = DocInput(
        "june",
        "Peru has suspended its membership of the Commonwealth, its foreign ministry said.",
        dt.date(2012, 6, 28),
    )
    december = DocInput(
        "december",
        "The Commonwealth on Wednesday suspended Peru's membership, its secretary said.",
        dt.date(2012, 12, 20),
    )
    events = [e for e in build_timeline([june, december]).events if e.type == "reduce_relations"]
    dates = sorted(e.date.edtf for e in events if e.date)
    assert dates == ["2012-06-28", "2012-12-19"], [(e.title, e.date) for e in events]
