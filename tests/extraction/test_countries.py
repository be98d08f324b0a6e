"""Country mentions: names, short names, demonyms and capitals to ISO3."""

from __future__ import annotations

from timeline.extraction.countries import country_name, find_countries
from timeline.extraction.sentences import split_sentences


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in find_countries(text, split_sentences(text))]


def test_common_short_names_map_to_iso3():
    found = dict(
        codes(
            "South Korea, North Korea, Syria, Russia and the U.S. met the US and the United States."
        )
    )
    assert found["South Korea"] == "KOR"
    assert found["North Korea"] == "PRK"
    assert found["Syria"] == "SYR"
    assert found["Russia"] == "RUS"
    assert found["U.S."] == "USA"
    assert found["US"] == "USA"
    assert found["United States"] == "USA"


def test_demonyms_map_to_their_country():
    found = dict(codes("The Syrian minister met South Korean and North Korean envoys."))
    assert found == {"Syrian": "SYR", "South Korean": "KOR", "North Korean": "PRK"}


def test_capitals_stand_for_their_country():
    found = dict(codes("Seoul and Damascus agreed; Pyongyang and Washington did not."))
    assert found == {"Seoul": "KOR", "Damascus": "SYR", "Pyongyang": "PRK", "Washington": "USA"}


def test_small_states_are_real_entities():
    found = dict(codes("Including the Vatican, the Cook Islands and Niue."))
    assert found == {"Vatican": "VAT", "Cook Islands": "COK", "Niue": "NIU"}


def test_korea_alone_means_the_korea_the_article_is_about():
    south = codes("South Korea signed. Korea's envoy said the Republic of Korea agreed.")
    assert ("Korea", "KOR") in south
    north = codes("North Korea fired a missile. Korea's state media said so.")
    assert ("Korea", "PRK") in north


def test_longest_name_wins_over_a_name_inside_it():
    found = codes("Papua New Guinea and North Korea.")
    assert found == [("Papua New Guinea", "PNG"), ("North Korea", "PRK")]


def test_two_koreas_is_not_a_single_country():
    assert codes("The rivalry between the two Koreas grew.") == []


def test_country_word_inside_a_personal_name_is_not_a_country():
    assert codes("Michael Jordan Smith spoke.") == []
    assert ("Jordan", "JOR") in codes("Officials from Jordan arrived.")


def test_display_names_are_short():
    assert country_name("KOR") == "South Korea"
    assert country_name("PRK") == "North Korea"
    assert country_name("SYR") == "Syria"


def test_seed_country_mentions(seed):
    text, header, sentences = seed("000")
    found = {m.key for m in find_countries(text, sentences, header.body_start)}
    assert {"KOR", "SYR", "PRK", "CUB", "VAT", "COK", "NIU"} <= found


def test_a_place_inside_a_name_is_not_a_country():
    assert codes("under the Vienna Convention and the Paris Agreement") == []
    assert codes("The Washington Post reported it.") == []


def test_two_countries_joined_by_a_hyphen_are_both_named():
    assert codes("The Qatari-Bahraini committee and US-China talks.") == [
        ("Qatari", "QAT"),
        ("Bahraini", "BHR"),
        ("US", "USA"),
        ("China", "CHN"),
    ]
    assert codes("Jean-Pierre led the Saudi-led coalition.") == []


def test_two_coordinated_names_sharing_their_last_word_are_both_named():
    # "South and North Korea": the first name's last word is written once (issue #10, dev_23).
    assert codes("North and South Korea agree to reopen a liaison office.") == [
        ("North", "PRK"),
        ("South Korea", "KOR"),
    ]
    assert codes("Talks between South and North Korean officials ended.") == [
        ("South", "KOR"),
        ("North Korean", "PRK"),
    ]
    # Only when the first word and the shared words make a country's name.
    assert codes("Central and South Africa were hit.") == [("South Africa", "ZAF")]
    assert codes("Sudan and South Sudan met.") == [("Sudan", "SDN"), ("South Sudan", "SSD")]


def test_a_shared_form_joined_by_a_hyphen_is_decided_as_a_lone_one():
    # "the Korea-Japan Protocol" (issue #10, dev_23): "Korea" is the state news means by it,
    # or the only one of its states the article names otherwise.
    assert codes("The Korea-Japan Protocol was signed.") == [("Korea", "KOR"), ("Japan", "JPN")]
    assert codes("North Korea hailed the Korea-China talks.") == [
        ("North Korea", "PRK"),
        ("Korea", "PRK"),
        ("China", "CHN"),
    ]


def test_a_capital_opening_a_longer_name_is_not_a_country():
    assert codes("They will follow the Vienna Diplomatic Council and the Paris Peace Forum.") == []
    assert codes("They met in Vienna on Monday.") == [("Vienna", "AUT")]


def test_a_demonym_naming_a_language_is_not_a_country():
    assert codes("The statement was released in Spanish and English on Thursday.") == []
    assert codes("The minister said in Russian that talks would resume.") == []
    assert codes("Troops crossed in Spanish waters.") == [("Spanish", "ESP")]
    assert codes("Ties improved in Chinese state media.") == [("Chinese", "CHN")]


def test_inter_korean_names_both_koreas():
    assert sorted(key for _, key in codes("They hailed new inter-Korean ties.")) == ["KOR", "PRK"]


def test_a_capital_opening_a_name_after_a_title_is_no_country():
    assert codes("Foreign Minister Santiago Ferrer met President Lima Duarte in Suva.") == [
        ("Suva", "FJI")
    ]
    # Without a title, or with no name after it, the capital is the place.
    assert codes("The minister flew to Santiago on Monday.") == [("Santiago", "CHL")]
    assert codes("Officials in Santiago Monday said so.") == [("Santiago", "CHL")]
    assert codes("Foreign Minister Santiago Chile met.") == [("Santiago", "CHL"), ("Chile", "CHL")]


def test_a_capital_written_with_an_apostrophe_is_found_without_it():
    assert codes("Officials in N'Djamena, Ndjamena and N'djamena said so.") == [
        ("N'Djamena", "TCD"),
        ("Ndjamena", "TCD"),
        ("N'djamena", "TCD"),
    ]


def test_a_country_right_after_a_wire_dateline_dash_is_named():
    # Wire copies sometimes run the dateline's dash into the first word.
    assert codes("LIMA (Reuters) -Peru said on Monday it would restore ties with Chile.") == [
        ("Peru", "PER"),
        ("Chile", "CHL"),
    ]
    # A hyphen joined to the word before it still makes a compound, not a mention.
    assert codes("The non-Fiji delegates left.") == []


def test_a_post_named_before_the_envoys_name_is_a_country():
    # "Jordan" can be a given name, but not as the post of an ambassador.
    assert codes("Peru's ambassador to Jordan Ana Ruiz presented her credentials.") == [
        ("Peru", "PER"),
        ("Jordan", "JOR"),
    ]
    assert codes("He met Jordan Smith in Lima.") == [("Lima", "PER")]


def test_the_kremlin_stands_for_russia_like_its_capital():
    assert ("Kremlin", "RUS") in codes("The move answers the Kremlin's decision of last month.")


def test_everyday_short_forms_of_long_names_are_the_country():
    assert codes("St Vincent and St. Kitts sent envoys to St Lucia.") == [
        ("St Vincent", "VCT"),
        ("St. Kitts", "KNA"),
        ("St Lucia", "LCA"),
    ]
    assert codes("Antigua, Trinidad and Bosnia voted against.") == [
        ("Antigua", "ATG"),
        ("Trinidad", "TTO"),
        ("Bosnia", "BIH"),
    ]


def test_initials_the_article_defines_stand_for_the_country():
    text = "Papua New Guinea (PNG) and Fiji met. Later PNG said the talks went well."
    assert codes(text) == [
        ("Papua New Guinea", "PNG"),
        ("PNG", "PNG"),
        ("Fiji", "FJI"),
        ("PNG", "PNG"),
    ]
    text = "The Central African Republic (CAR) recalled its envoy; CAR officials confirmed it."
    assert [key for _, key in codes(text)] == ["CAF", "CAF", "CAF"]
    text = "Bosnia and Herzegovina (BiH) joined. BiH signed."
    assert [key for _, key in codes(text)] == ["BIH", "BIH", "BIH"]


def test_initials_that_do_not_fit_the_name_or_come_before_it_are_not_the_country():
    assert codes("Fiji (FBC) reported it.") == [("Fiji", "FJI")]
    assert codes("CAR fans cheered. The Central African Republic (CAR) later said so.") == [
        ("Central African Republic", "CAF"),
        ("CAR", "CAF"),
    ]


def test_former_names_of_renamed_states_are_the_state_today():
    text = "Burma, Zaire, Ceylon, Swaziland, Dahomey and Upper Volta voted; so did Siam."
    assert [key for _, key in codes(text)] == ["MMR", "COD", "LKA", "SWZ", "BEN", "BFA", "THA"]


def test_dissolved_states_keep_their_own_iso_3166_3_code():
    text = "The Soviet Union, Yugoslavia, Czechoslovakia and East Germany signed; the USSR left."
    assert [key for _, key in codes(text)] == ["SUN", "YUG", "CSK", "DDR", "SUN"]
    assert [key for _, key in codes("Soviet and Yugoslav envoys met East German officials.")] == [
        "SUN",
        "YUG",
        "DDR",
    ]
    assert [country_name(c) for c in ("SUN", "YUG", "CSK", "DDR")] == [
        "Soviet Union",
        "Yugoslavia",
        "Czechoslovakia",
        "East Germany",
    ]


def test_demonyms_in_their_everyday_forms():
    text = "Kazakh, Emirati, Argentine, Filipino, Icelandic and Burkinabe diplomats met Serbs."
    assert [key for _, key in codes(text)] == ["KAZ", "ARE", "ARG", "PHL", "ISL", "BFA", "SRB"]


def test_congo_alone_is_the_congo_the_article_names():
    assert codes("Congo recalled its ambassador.") == [("Congo", "COD")]
    text = "Brazzaville said the Republic of Congo would act. Congo recalled its envoy."
    assert [key for _, key in codes(text)] == ["COG", "COG", "COG"]


def test_a_us_state_named_like_a_country_is_no_country():
    assert codes("The summit was held in Atlanta, Georgia, on Monday.") == []
    assert codes("Lawmakers in the state of Georgia and Georgia Gov. Kemp spoke.") == []
    assert codes("Georgia's foreign minister met his Armenian counterpart in Tbilisi.") == [
        ("Georgia", "GEO"),
        ("Armenian", "ARM"),
        ("Tbilisi", "GEO"),
    ]


def test_a_capital_that_is_a_common_word_is_read_only_as_a_place():
    assert codes("Male and female delegates attended.") == []
    assert codes("Talks were held in Male on Monday.") == [("Male", "MDV")]
    assert codes("Victoria Nuland met officials.") == []


def test_seats_of_government_stand_for_their_country():
    text = (
        "The White House and Downing Street agreed, the Elysee disagreed, the Blue House "
        "said nothing and Foggy Bottom consulted Zhongnanhai."
    )
    assert codes(text) == [
        ("White House", "USA"),
        ("Downing Street", "GBR"),
        ("Elysee", "FRA"),
        ("Blue House", "KOR"),
        ("Foggy Bottom", "USA"),
        ("Zhongnanhai", "CHN"),
    ]


def test_a_country_in_headline_case_or_with_a_typographic_apostrophe_is_the_country():
    text = "Ties with the Republic of Cote D’Ivoire and Trinidad And Tobago, said Côte d’Ivoire."
    assert [key for _, key in codes(text)] == ["CIV", "TTO", "CIV"]
    assert codes("Talks in N’Djamena ended.") == [("N’Djamena", "TCD")]


def test_names_inside_other_names_are_told_apart():
    text = "Niger, Nigeria, Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea met."
    assert [key for _, key in codes(text)] == ["NER", "NGA", "GIN", "GNB", "GNQ", "PNG"]
    assert [key for _, key in codes("Nigerien and Nigerian troops met Sudanese envoys.")] == [
        "NER",
        "NGA",
        "SDN",
    ]


def test_a_plural_of_shared_names_is_no_one_country():
    assert codes("Relations between the two Congos and the Guineas improved.") == []
    assert codes("Both Koreas sent teams.") == []


def test_kosovo_has_a_display_name_for_titles():
    assert country_name("XKX") == "Kosovo"


def test_a_name_never_runs_over_a_line_break():
    # A caption's credit ends its line; the next paragraph opens with a country that can
    # also be a given name. Inside one line, "Israel" beside a surname stays a person.
    text = "Ministers met in Oslo on Monday. Reuters\n\nIsrael withdrew its envoy from Norway."
    assert ("Israel", "ISR") in codes(text)
    assert ("Israel", "ISR") not in codes("The singer Israel Houghton sang in Oslo.")


def test_dominican_is_the_dominican_republic_unless_the_article_names_dominica():
    assert ("Dominican", "DMA") in codes(
        "Dominica opened an embassy in Havana. The Dominican prime minister spoke there."
    )
    assert ("Dominican", "DOM") in codes(
        "The Dominican Republic opened an embassy in Havana. The Dominican president spoke."
    )
    assert codes("The Dominican president spoke in Havana.")[0] == ("Dominican", "DOM")


def test_an_ocean_named_for_a_country_is_not_the_country():
    assert codes("Fiji's envoy to the Indian Ocean region is based in Colombo.") == [
        ("Fiji", "FJI"),
        ("Colombo", "LKA"),
    ]
    assert codes("Mauritius, an Indian Ocean island, hosted India's navy.") == [
        ("Mauritius", "MUS"),
        ("India", "IND"),
    ]


def test_a_country_joined_to_ruled_or_held_names_the_ruler_of_a_place():
    found = codes(
        "Troops entered the Spanish-ruled enclave, the Turkish-held north and the "
        "Japanese- occupied island; the Saudi-led coalition and pro-Chile groups stayed out."
    )
    assert found == [("Spanish", "ESP"), ("Turkish", "TUR"), ("Japanese", "JPN")]
