"""Actors: people, organisations and groups, with one actor per real person."""

from __future__ import annotations

from timeline.extraction.actors import find_actors, merge_actors, name_tokens, tokens_match
from timeline.extraction.countries import find_countries
from timeline.extraction.sentences import split_sentences
from timeline.extraction.types import GROUP, ORGANISATION, PERSON


def actors_of(text: str):
    sentences = split_sentences(text)
    actors, mentions = find_actors(text, sentences, find_countries(text, sentences))
    return actors, mentions


def by_alias(actors, alias):
    return [a for a in actors if alias in a.aliases or a.name == alias]


def test_title_before_a_name_gives_title_and_country():
    actors, _ = actors_of("Syrian Foreign Minister Ahmad Karimi met reporters.")
    (person,) = by_alias(actors, "Ahmad Karimi")
    assert person.kind == PERSON
    assert "Foreign Minister" in person.titles
    assert person.country == "SYR"


def test_apposition_after_a_name_gives_title_and_country():
    actors, _ = actors_of(
        "Park Min-soo, director general of the South Korean Foreign Ministry's "
        "Asia Bureau, said so."
    )
    (person,) = by_alias(actors, "Park Min-soo")
    assert "Director-General" in person.titles
    assert person.country == "KOR"


def test_names_with_particles_are_people():
    actors, _ = actors_of("Omar al-Masri and Ursula von Brandt spoke after Ali bin Nasser arrived.")
    names = {a.name for a in actors if a.kind == PERSON}
    assert {"Omar al-Masri", "Ursula von Brandt", "Ali bin Nasser"} <= names


def test_organisation_with_acronym_gets_the_acronym_as_alias():
    actors, mentions = actors_of(
        "The rebel group Jabhat Fath al-Nasr (JFN) took the city. Later JFN withdrew."
    )
    (group,) = by_alias(actors, "JFN")
    assert group.kind == GROUP
    assert [m.sentence for m in mentions if m.key == group.key and m.text == "JFN"][-1] == 1


def test_foreign_ministry_and_ministry_of_foreign_affairs_are_one_organisation():
    actors, _ = actors_of(
        "The South Korean Ministry of Foreign Affairs said so. The Foreign Ministry added more."
    )
    ministries = [a for a in actors if a.kind == ORGANISATION and "Ministry" in a.name]
    assert len(ministries) == 1
    assert ministries[0].country == "KOR"


def test_known_as_gives_an_alias():
    actors, _ = actors_of(
        "Officials met rebel leader Ahmed Karim al-Hadi - widely known by his "
        "fighter name Abu Omar al-Tayyar."
    )
    (person,) = by_alias(actors, "Ahmed Karim al-Hadi")
    assert "Abu Omar al-Tayyar" in person.aliases


def test_surname_alone_attaches_to_the_full_name_of_the_article():
    actors, mentions = actors_of(
        "Foreign Minister Lee Jae-hoon visited Paris. Lee later met the press. "
        "Al-Rashid agreed with "
        "Minister Karim al-Rashid."
    )
    (lee,) = by_alias(actors, "Lee Jae-hoon")
    assert sum(m.key == lee.key for m in mentions) == 2
    assert len([a for a in actors if a.kind == PERSON]) == 2


def test_romanisation_variants_of_one_token_match():
    assert tokens_match("yeol", "yul")
    assert tokens_match("jo", "cho")
    assert tokens_match("shaybani", "shaibani")
    assert tokens_match("sheybani", "shaibani")
    assert tokens_match("sharaa", "shara")
    assert not tokens_match("shara", "shaibani")
    assert not tokens_match("eunjung", "jongun")


def test_transliteration_variants_merge_into_one_actor():
    first, _ = actors_of("Minister Jo Tae-yeol and Syrian Foreign Minister Ahmad al-Shaybani met.")
    second, _ = actors_of(
        "South Korean Foreign Minister Cho Tae-yul met his Syrian counterpart Esaad Hasan Sheybani."
    )
    third, _ = actors_of(
        "Asaad al-Shaibani, the Syrian foreign minister, met Assaad Al- Shabani's aide."
    )
    merged, maps = merge_actors([first, second, third])
    people = [a for a in merged if a.kind == PERSON]
    cho = [a for a in people if {"Jo Tae-yeol", "Cho Tae-yul"} <= a.aliases]
    shaibani = [
        a
        for a in people
        if {"Ahmad al-Shaybani", "Esaad Hasan Sheybani", "Asaad al-Shaibani"} <= a.aliases
    ]
    assert len(cho) == 1
    assert len(shaibani) == 1
    assert maps[0] and maps[1] and maps[2]


def test_different_people_sharing_a_surname_stay_apart():
    first, _ = actors_of(
        "Kim Eun-jung, director-general of the South Korean Foreign Ministry, visited."
    )
    second, _ = actors_of(
        "North Korean leader Kim Jong-un fired missiles. Kim Eun-jeong arrived later."
    )
    merged, _ = merge_actors([first, second])
    kims = [a for a in merged if a.kind == PERSON and a.name.startswith("Kim")]
    assert len(kims) == 2
    eun = [a for a in kims if "Kim Eun-jung" in a.aliases]
    assert eun and "Kim Eun-jeong" in eun[0].aliases
    assert "Kim Jong-un" not in eun[0].aliases


def test_people_with_the_same_given_name_and_other_family_names_stay_apart():
    merged, _ = merge_actors(
        [
            actors_of("Syrian President Ahmed al-Shara spoke.")[0],
            actors_of("Syrian Foreign Minister Ahmad al-Shaybani spoke.")[0],
        ]
    )
    assert len([a for a in merged if a.kind == PERSON]) == 2


def test_actor_keys_are_stable_across_runs_and_input_order():
    a = actors_of("Minister Jo Tae-yeol met Syrian Foreign Minister Ahmad al-Shaybani.")[0]
    b = actors_of(
        "Foreign Minister Cho Tae-yul of South Korea met Asaad al-Shaibani, "
        "Syria's foreign minister."
    )[0]
    keys_ab = sorted(x.key for x in merge_actors([a, b])[0])
    keys_ba = sorted(x.key for x in merge_actors([b, a])[0])
    assert keys_ab == keys_ba


def test_seed_people_are_one_actor_each(seed):
    infos = []
    for number in ("000", "001", "002", "003", "004"):
        text, header, sentences = seed(number)
        infos.append(
            find_actors(
                text,
                sentences,
                find_countries(text, sentences, header.body_start),
                header.body_start,
            )[0]
        )
    merged, _ = merge_actors(infos)
    expectations = {
        "Cho Tae-yul": {"Jo Tae-yeol", "Cho Tae-yeol", "Cho Tae-yul"},
        "al-Shaibani": {
            "Ahmad al-Shaybani",
            "Esaad Hasan Sheybani",
            "Assaad Al- Shabani",
            "Asaad al-Shaibani",
        },
        "al-Sharaa": {
            "Ahmed al-Shara",
            "Ahmed al-Sharaa",
            "Ahmed Hussein al-Shara",
            "Muhammad al-Jolani",
        },
        "Kim Eun-jung": {"Kim Eun-jung", "Kim Eun-jeong"},
        "Kim Jong-un": {"Kim Jong-un"},
    }
    for person, variants in expectations.items():
        holders = [a for a in merged if variants & a.aliases]
        assert len(holders) == 1, person
        assert variants <= holders[0].aliases, person
    hts = [a for a in merged if "HTS" in a.aliases]
    assert len(hts) == 1 and hts[0].kind == GROUP


def test_a_title_may_run_on_with_of_before_the_name():
    actors, _ = actors_of(
        "Acting Minister of Foreign Affairs of Viet Nam Le Hoai Trung and Tuvaluan Minister of "
        "Foreign Affairs, Labour, and Trade Paulson Panapa signed a communique."
    )
    people = {a.name: a for a in actors if a.kind == PERSON}
    assert set(people) == {"Le Hoai Trung", "Paulson Panapa"}
    assert people["Le Hoai Trung"].country == "VNM"
    assert people["Paulson Panapa"].country == "TUV"


def test_korean_names_with_short_syllables_stay_whole():
    actors, _ = actors_of("DPRK Ambassador to Thailand Jo In Chol signed the accord.")
    assert [a.name for a in actors if a.kind == PERSON] == ["Jo In Chol"]


def test_a_family_name_written_first_attaches_alone():
    actors, mentions = actors_of(
        "North Korean Foreign Minister Pak Ui Chun arrived on Saturday. Pak met reporters."
    )
    (pak,) = [a for a in actors if a.kind == PERSON]
    assert [m.text for m in mentions if m.key == pak.key] == ["Pak Ui Chun", "Pak"]


def test_two_people_sharing_a_name_in_two_countries_get_two_keys_in_any_order():
    egypt, _ = actors_of("Foreign Minister Ahmed Hassan of Egypt visited Chile on 3 May 2021.")
    sudan, _ = actors_of("Foreign Minister Ahmed Hassan of Sudan visited Peru on 9 June 2022.")
    merged, maps = merge_actors([egypt, sudan])
    assert sorted((a.key, a.country) for a in merged) == [
        ("ahmed-hassan-egy", "EGY"),
        ("ahmed-hassan-sdn", "SDN"),
    ]
    assert len({a.key for a in merged}) == len(merged)
    assert maps[0] == {egypt[0].key: "ahmed-hassan-egy"}
    assert maps[1] == {sudan[0].key: "ahmed-hassan-sdn"}
    reversed_merged, _ = merge_actors([sudan, egypt])
    assert sorted(a.key for a in reversed_merged) == sorted(a.key for a in merged)


def test_a_name_used_once_keeps_its_plain_key():
    (alone,), _ = actors_of("Foreign Minister Ahmed Hassan of Egypt visited Chile on 3 May 2021.")
    merged, _ = merge_actors([[alone]])
    assert [a.key for a in merged] == ["ahmed-hassan"]


def test_names_with_latin_diacritics_are_whole_and_merge_with_their_plain_spelling():
    actors, _ = actors_of(
        "President Recep Okan Yıldırım spoke. Ambassador Şükrü Özdağ left. "
        "Ambassador Sukru Ozdag was recalled."
    )
    (president,) = by_alias(actors, "Recep Okan Yıldırım")
    assert president.kind == PERSON
    (envoy,) = [a for a in actors if a.kind == PERSON and "Özdağ" in a.name + " ".join(a.aliases)]
    assert {"Şükrü Özdağ", "Sukru Ozdag"} <= envoy.aliases | {envoy.name}


def test_a_capital_right_after_a_title_and_before_a_surname_is_a_given_name():
    actors, _ = actors_of("Peruvian Foreign Minister Santiago Ferrer met Fijian officials in Lima.")
    (person,) = by_alias(actors, "Santiago Ferrer")
    assert person.kind == PERSON
    assert person.country == "PER"


def test_a_regnal_number_is_part_of_a_monarchs_name_and_never_their_family_name():
    actors, _ = actors_of(
        "Spain's King Carlos IV received King Pedro II of Portugal. Carlos IV spoke first."
    )
    (carlos,) = by_alias(actors, "Carlos IV")
    (pedro,) = by_alias(actors, "Pedro II")
    assert carlos.kind == PERSON and carlos is not pedro
    # Two kings with the same number are two people.
    actors, _ = actors_of("King Carlos IV wrote to King Pedro IV.")
    assert len([a for a in actors if a.kind == PERSON]) == 2


def test_the_honourable_is_an_honorific_not_a_name():
    actors, _ = actors_of(
        "Prime Minister Hon. James Marau and Tonga's Prime Minister Hon. Pita Vuki signed a "
        "maritime agreement in Suva on Monday."
    )
    names = {a.name for a in actors if a.kind == PERSON}
    assert names == {"James Marau", "Pita Vuki"}


def test_a_short_form_of_a_given_name_is_the_same_minister():
    first, _ = actors_of("Prime Minister Jeremy Tuilagi met reporters.")
    second, _ = actors_of("Fijian Prime Minister Jeremiah Tuilagi signed the accord.")
    merged, _ = merge_actors([first, second])
    (person,) = [a for a in merged if "Tuilagi" in a.name]
    assert {"Jeremy Tuilagi", "Jeremiah Tuilagi"} <= person.aliases | {person.name}


def test_a_short_form_alone_does_not_merge_people_of_different_countries():
    first, _ = actors_of("Fijian Foreign Minister Alex Tuilagi met reporters.")
    second, _ = actors_of("Tongan Trade Minister Alexander Tuilagi signed the accord.")
    merged, _ = merge_actors([first, second])
    assert len([a for a in merged if "Tuilagi" in a.name]) == 2


def test_a_full_name_after_a_country_possessive_is_a_person_of_that_country():
    actors, _ = actors_of("Fiji was expelling Chile's Ana Maria Torres from Suva.")
    (person,) = by_alias(actors, "Ana Maria Torres")
    assert (person.kind, person.country) == (PERSON, "CHL")
    # Names of places and things after a possessive are no persons.
    actors, _ = actors_of("Tourists flock to Peru's Atacama Desert and Chile's Easter Island.")
    assert [a for a in actors if a.kind == PERSON] == []


def test_a_name_closing_an_opening_phrase_has_no_apposition():
    # "Along with Ruiz, the Chilean envoy ...": the Chilean envoy is someone else.
    actors, _ = actors_of(
        "Peruvian Ambassador Ana Ruiz presented her credentials on Monday. Along with Ruiz, "
        "the Chilean envoy also presented credentials."
    )
    people = [a for a in actors if a.kind == PERSON]
    assert [p.name for p in people] == ["Ana Ruiz"]
    assert people[0].country == "PER"
    # Inside a sentence, a comma after the name still opens an apposition.
    actors, _ = actors_of("Ruiz, the Chilean envoy, presented credentials.")
    (person,) = by_alias(actors, "Ruiz")
    assert person.country == "CHL"


def test_a_name_that_steps_down_or_is_sworn_in_is_a_person():
    for text, name in (
        ("Tomas Vidal stepped down after the change of government in Peru in 2021.", "Tomas Vidal"),
        ("Marta Quispe resigned after the vote.", "Marta Quispe"),
        ("Rosa Llanos was sworn in as ambassador to Chile in March.", "Rosa Llanos"),
    ):
        actors, _ = actors_of(text)
        (person,) = by_alias(actors, name)
        assert person.kind == PERSON, text


def test_a_generational_suffix_is_no_part_of_what_a_person_is_called():
    for text, full, alone in (
        (
            "Philippine President Ferdinand Marcos Jr. met envoys. Marcos said talks went well.",
            "Ferdinand Marcos Jr",
            "Marcos",
        ),
        ("US Senator Robert Smith Sr. spoke on Monday. Smith said he would vote no.", "", "Smith"),
    ):
        actors, mentions = actors_of(text)
        (person,) = actors
        assert not full or person.name == full
        assert (alone, person.key) in [(m.text, m.key) for m in mentions]


def test_a_title_word_opening_a_name_is_the_title():
    actors, _ = actors_of(
        "Cardinal Pietro Parolin met Rabbi David Rosen. Ayatollah Ali Khamenei spoke."
    )
    assert {(a.name, tuple(a.titles)) for a in actors} == {
        ("Pietro Parolin", ("Cardinal",)),
        ("David Rosen", ("Rabbi",)),
        ("Ali Khamenei", ("Ayatollah",)),
    }


def test_a_title_word_that_is_a_name_stays_in_it():
    # Two words: a given name ("Dean") or a family name ("Bishop") that is also a title.
    actors, _ = actors_of("Dean Acheson said so. Foreign Minister Julie Bishop agreed.")
    assert {a.name for a in actors} == {"Dean Acheson", "Julie Bishop"}


def test_transliterations_of_one_name_are_one_person():
    text = (
        "Egyptian Foreign Minister Mohammed el-Amin met envoys on Monday. Foreign Minister "
        "Muhammad al-Amin said on Tuesday that the talks went well."
    )
    actors, _ = actors_of(text)
    assert len(actors) == 1


def test_a_headline_or_caption_above_gives_no_title_to_the_name_below():
    for text, name in (
        ("Peru expels Chilean envoy\nAna Maria Torres said on Monday she would leave.", "Ana"),
        ("Talks with the Fijian minister\nJoseph Tora Lee said the talks went well.", "Joseph"),
    ):
        actors, _ = actors_of(text)
        (person,) = [a for a in actors if a.name.startswith(name)]
        assert (person.titles, person.country) == (set(), ""), text


def test_wade_giles_and_pinyin_spellings_are_one_name():
    for old, new in (("Hsu Hsiang-chien", "Xu Xiangqian"), ("Hsi Chin-ping", "Xi Jinping")):
        old_tokens, new_tokens = name_tokens(old), name_tokens(new)
        assert all(tokens_match(a, b) for a, b in zip(old_tokens, new_tokens, strict=True))


def test_a_pet_form_of_a_given_name_is_the_same_minister():
    first, _ = actors_of("Fijian Foreign Minister Gabi Tuilagi met reporters.")
    second, _ = actors_of("Her Fijian counterpart, Gabriel Tuilagi, signed the accord.")
    merged, _ = merge_actors([first, second])
    (person,) = [a for a in merged if "Tuilagi" in a.name]
    assert {"Gabi Tuilagi", "Gabriel Tuilagi"} <= person.aliases | {person.name}


def test_an_ocean_after_an_envoy_is_no_person():
    # "ambassador to the Indian Ocean region": a sea, not an envoy called "Ocean".
    actors, _ = actors_of("Chile named its new ambassador to the Pacific Ocean region, Ana Ruiz.")
    assert by_alias(actors, "Ocean") == []
    actors, _ = actors_of("Togo received Ghana's new envoy to the Indian Ocean states on Monday.")
    assert by_alias(actors, "Ocean") == []


def test_a_name_after_an_envoy_to_a_named_region_is_a_person():
    # "its new ambassador to the Indian Ocean region, Mohammed Zaeri Amirani, who ..."
    actors, _ = actors_of(
        "Fiji received Chile's new envoy to the South Pacific region, Ana Maria Ruiz, who is"
        " based in Canberra."
    )
    (person,) = by_alias(actors, "Ana Maria Ruiz")
    assert person.kind == PERSON


def test_a_signature_a_government_led_by_and_a_title_taken_mark_a_person():
    # A communique's signature block, "the government led by ...", "when ... became Prime
    # Minister" (issue #10, dev_23): names with no title before them.
    text = (
        "Peru and Fiji signed the accord.\n"
        "(Signed) Ana Maria Cruz (Signed) Josefa Tui Lomani\n"
        "The deal was struck by the Labour government led by Tomas Vidal Ortega. "
        "Ties grew when Lars Erik Holm became Prime Minister in 1990."
    )
    actors, _ = actors_of(text)
    people = {a.name for a in actors if a.kind == PERSON}
    assert {"Ana Maria Cruz", "Josefa Tui Lomani", "Tomas Vidal Ortega", "Lars Erik Holm"} <= people
    # Without such a cue, two capitalised words stay no one.
    actors, _ = actors_of("The deal was struck in Lars Erik Holm Square in 1990.")
    assert not [a for a in actors if a.kind == PERSON]
