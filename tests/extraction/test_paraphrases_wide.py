"""Paraphrase coverage, widened: every frame crossed with constructions news copy uses.

A second set of invented sentences (real countries, invented events and dates unless the
event is general knowledge), written before the extractor was run on them. Where
test_paraphrases.py varies one construction over a handful of frames, these rows cross
every action frame of data/frames.toml with the constructions real copy uses and that set
lacks: the present perfect with and without a date, the passive with and without its
agent, a nominalisation as subject, relative and participial clauses, reporting frames in
every position, quotes, agreements to exchange ambassadors, causatives, downgrades to
chargé d'affaires, representative offices, credentials presented to a governor-general,
leaving and rejoining organisations, lists with a date for each item, short, old and
adjectival country forms, initials defined in the text, seats of government and "the X
regime". Each row must give a done event of the right type with exactly the right
party countries and date, and its title must name no country that is not a party. The
negative rows (denials, threats, hypotheticals, plans, calls on others) must give no
done, dated event of an action frame.

First run (before any fix): 139 of 167 positive rows and 19 of 25 negative rows passed;
every one of the 183 sentences gave titles naming only parties (a wrong party shows as a
wrong party set instead: "India and Pakistan recognition").

After the fixes: 162 of the 167 first rows pass, the 5 left are strict xfails naming their
class; all 25 negatives pass. Two rows were corrected after the first run to the gold sets'
convention (the country a meeting or talks are held in is a party). Rows added with the
fixes (26 positive, 6 negative, 7 of who is named first in the title) show each fixed class
on other sentences; they were not part of the first run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.countries import find_countries
from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput, Sentence

PUBLISHED = dt.date(2024, 5, 3)  # a Friday
D = "1994-05-03"
MON = "2024-04-29"  # "on Monday": the Monday before publication
TUE = "2024-04-30"
PUB = "2024-05-03"  # an undated present perfect is news of the day


def _rows():
    R = []

    def add(cons, frame, s, typ, parties, date=D, xfail=""):
        R.append((cons, frame, s, typ, frozenset(parties.split()), date, xfail))

    E, B, X = "establish_relations", "reduce_relations", "expel_withdraw"
    J, V, M, S = "join_organisation", "visit", "meet", "sign_agreement"
    # present perfect, with and without a date
    add("pp", "break", "Belize has cut ties with Taiwan.", B, "BLZ TWN", PUB)
    add(
        "pp_weekday",
        "break",
        "Nicaragua has severed diplomatic ties with Taiwan on Monday.",
        B,
        "NIC TWN",
        MON,
    )
    add(
        "pp",
        "recognise",
        "Mexico has recognised Palestine as a state.",
        "recognise",
        "MEX PSE",
        PUB,
    )
    add("pp", "sign", "Kenya and Ethiopia have signed a security pact.", S, "KEN ETH", PUB)
    add("pp", "envoys", "Lithuania has expelled three Russian diplomats.", X, "LTU RUS", PUB)
    add(
        "pp_member",
        "organisation",
        "Timor-Leste has become the 11th member of ASEAN.",
        J,
        "TLS",
        PUB,
    )
    add(
        "pp_arrived",
        "visit",
        "The president of Angola has arrived in Portugal for a three-day visit.",
        V,
        "AGO PRT",
        PUB,
    )
    add(
        "pp",
        "meet",
        "The foreign ministers of Chile and Argentina have met in Santiago.",
        M,
        "CHL ARG",
        PUB,
    )
    add(
        "pp",
        "sanctions",
        "Canada has imposed sanctions on Belarus.",
        "impose_sanctions",
        "CAN BLR",
        PUB,
    )
    add(
        "pp",
        "sanctions",
        "Australia has lifted sanctions on Fiji.",
        "ease_sanctions",
        "AUS FJI",
        PUB,
    )
    add("pp", "aid", "Japan has sent emergency aid to Nepal.", "provide_aid", "JPN NPL", PUB)
    add("pp", "coup", "The army has seized power in Gabon.", "regime_change", "GAB", PUB)
    add(
        "pp_charge",
        "break",
        "Israel has downgraded its ties with Turkey to the level of chargé d'affaires.",
        B,
        "ISR TUR",
        PUB,
    )
    add(
        "pp_reported",
        "envoys",
        "Sweden has recalled its ambassador to Iran, the ministry said on Monday.",
        X,
        "SWE IRN",
        MON,
    )
    # passive, with and without the agent
    add(
        "passive_by",
        "break",
        "Diplomatic ties with Morocco were severed by Algeria on 24 August 2021.",
        B,
        "DZA MAR",
        "2021-08-24",
    )
    add(
        "passive_by",
        "recognise",
        "Kosovo was recognised by Malaysia on 30 October 2008.",
        "recognise",
        "MYS XKX",
        "2008-10-30",
    )
    add(
        "passive_by",
        "sign",
        "A free-trade agreement was signed by Chile and China in November 2005.",
        S,
        "CHL CHN",
        "2005-11",
    )
    add(
        "passive_by",
        "sanctions",
        "Sanctions were imposed on North Korea by Japan on 3 May 1994.",
        "impose_sanctions",
        "JPN PRK",
    )
    add(
        "passive_place",
        "envoys",
        "Venezuela's ambassador in Peru was expelled on 3 May 1994.",
        X,
        "VEN PER",
    )
    add(
        "passive",
        "establish",
        "Diplomatic relations between Spain and Israel were formally established in January 1986.",
        E,
        "ESP ISR",
        "1986-01",
    )
    add(
        "passive_seat",
        "embassy",
        "Cuba's embassy in Washington was reopened on 20 July 2015.",
        E,
        "CUB USA",
        "2015-07-20",
    )
    add(
        "passive_suspended",
        "organisation",
        "Mali was suspended from the African Union on 1 June 2021.",
        B,
        "MLI",
        "2021-06-01",
    )
    add(
        "passive",
        "coup",
        "The president of Niger was overthrown on 26 July 2023.",
        "regime_change",
        "NER",
        "2023-07-26",
    )
    add(
        "passive_by",
        "war",
        "Kuwait was invaded by Iraq on 2 August 1990.",
        "armed_conflict",
        "IRQ KWT",
        "1990-08-02",
    )
    add(
        "passive_by",
        "aid",
        "Food aid was sent to Haiti by Venezuela on 3 May 1994.",
        "provide_aid",
        "VEN HTI",
    )
    # a nominalisation as subject
    add(
        "nominal_subject",
        "restore",
        "The restoration of ties between Saudi Arabia and Iran on 10 March 2023 ended a "
        "seven-year rift.",
        E,
        "SAU IRN",
        "2023-03-10",
    )
    add(
        "nominal_subject",
        "break",
        "The severance of relations between Qatar and Egypt in June 2017 hurt trade.",
        B,
        "QAT EGY",
        "2017-06",
    )
    add(
        "nominal_subject",
        "envoys",
        "The expulsion of Algeria's ambassador from Mali on 3 May 1994 deepened the crisis.",
        X,
        "DZA MLI",
    )
    add(
        "nominal_return",
        "organisation",
        "Morocco's return to the African Union in January 2017 was welcomed.",
        J,
        "MAR",
        "2017-01",
        xfail="a return to an organisation told as 'return to': the phrase as a join trigger "
        "costs a frozen figure, left",
    )
    add(
        "nominal_subject",
        "sign",
        "The signing of the peace treaty between Egypt and Israel on 26 March 1979 changed the "
        "region.",
        S,
        "EGY ISR",
        "1979-03-26",
    )
    add(
        "nominal_subject",
        "embassy",
        "The reopening of the British embassy in Tehran on 23 August 2015 marked a thaw.",
        E,
        "GBR IRN",
        "2015-08-23",
    )
    add(
        "nominal_bystander",
        "recognise",
        "India's recognition of Bangladesh on 6 December 1971 angered Pakistan.",
        "recognise",
        "IND BGD",
        "1971-12-06",
    )
    add(
        "nominal_subject",
        "war",
        "The invasion of Kuwait by Iraq on 2 August 1990 triggered a war.",
        "armed_conflict",
        "IRQ KWT",
        "1990-08-02",
    )
    add(
        "nominal_subject",
        "sanctions",
        "The imposition of sanctions on Iran by the United States in May 2018 hit oil exports.",
        "impose_sanctions",
        "USA IRN",
        "2018-05",
    )
    add(
        "nominal_subject",
        "sanctions",
        "The lifting of United States sanctions on Vietnam on 3 February 1994 opened trade.",
        "ease_sanctions",
        "USA VNM",
        "1994-02-03",
    )
    add(
        "nominal_subject",
        "visit",
        "The Japanese prime minister's visit to China on 3 May 1994 was his first.",
        V,
        "JPN CHN",
    )
    add(
        "nominal_subject",
        "embassy",
        "The closure of Russia's consulate in Poland on 3 May 1994 angered Moscow.",
        B,
        "RUS POL",
    )
    # relative clauses
    add(
        "relative",
        "break",
        "Cuba, which severed ties with Israel in 1973, voted against the motion.",
        B,
        "CUB ISR",
        "1973",
    )
    add(
        "relative",
        "establish",
        "Costa Rica, which established diplomatic relations with China in June 2007, hosted its "
        "foreign minister on Monday.",
        E,
        "CRI CHN",
        "2007-06",
    )
    add(
        "relative",
        "organisation",
        "Tonga, which joined the United Nations in 1999, is a small kingdom.",
        J,
        "TON",
        "1999",
    )
    add(
        "relative_object",
        "sign",
        "The treaty, which Peru and Ecuador signed on 26 October 1998, ended the war.",
        S,
        "PER ECU",
        "1998-10-26",
        xfail="a non-restrictive object relative (', which X and Y signed'): the clause is cut "
        "from the document noun",
    )
    add(
        "relative_who",
        "envoys",
        "Ghana's ambassador, who was expelled from Togo on 3 May 1994, returned home.",
        X,
        "GHA TGO",
        xfail="a relative clause on an envoy named before its comma: the envoy noun lies outside "
        "the clause",
    )
    add(
        "relative_whose",
        "war",
        "Uganda, whose army invaded Tanzania in October 1978, lost the war.",
        "armed_conflict",
        "UGA TZA",
        "1978-10",
    )
    add(
        "relative",
        "sign",
        "Jordan, which signed a peace treaty with Israel in 1994, mediated the talks.",
        S,
        "JOR ISR",
        "1994",
    )
    add(
        "relative_object",
        "embassy",
        "The embassy that Mexico opened in Kenya on 3 May 1994 is its first in East Africa.",
        E,
        "MEX KEN",
    )
    add(
        "relative",
        "recognise",
        "Iceland, which recognised Estonia on 22 August 1991, was thanked by Tallinn.",
        "recognise",
        "ISL EST",
        "1991-08-22",
    )
    # participial clauses
    add(
        "participle_having",
        "break",
        "Egypt and Iran, having severed relations in 1980, met in Baghdad on Tuesday.",
        B,
        "EGY IRN",
        "1980",
    )
    add(
        "participle_fronted",
        "break",
        "Having broken off relations with Cuba in 1964, Chile restored them in 1990.",
        B,
        "CHL CUB",
        "1964",
    )
    add(
        "participle_fronted_main",
        "restore",
        "Having broken off relations with Cuba in 1964, Chile restored them in 1990.",
        E,
        "CHL CUB",
        "1990",
    )
    add(
        "participle_having",
        "break",
        "Ecuador, having severed relations with Mexico in April 2024, closed its embassy.",
        B,
        "ECU MEX",
        "2024-04",
    )
    add(
        "participle_signed",
        "sign",
        "Signed in Lima on 3 May 1994, the trade agreement between Peru and Brazil cut tariffs.",
        S,
        "PER BRA",
    )
    add(
        "participle_suspended",
        "organisation",
        "Fiji, suspended from the Commonwealth in 2009, was readmitted in 2014.",
        B,
        "FJI",
        "2009",
    )
    add(
        "participle_readmitted",
        "organisation",
        "Fiji, suspended from the Commonwealth in 2009, was readmitted in 2014.",
        J,
        "FJI",
        "2014",
    )
    add(
        "participle_expelled",
        "envoys",
        "Expelled from Sudan on 3 May 1994, the British ambassador flew home.",
        X,
        "GBR SDN",
    )
    # reporting frames in every position
    add(
        "reported_subject_date",
        "envoys",
        "Peru on Tuesday said it had withdrawn its ambassador from Mexico.",
        X,
        "PER MEX",
        TUE,
    )
    add(
        "according_to_first",
        "recognise",
        "According to the ministry, Chile recognised Palestine on 7 January 2011.",
        "recognise",
        "CHL PSE",
        "2011-01-07",
    )
    add(
        "told_reporters",
        "break",
        "Bolivia has cut ties with Israel, a government spokesman told reporters on Tuesday.",
        B,
        "BOL ISR",
        TUE,
    )
    add(
        "reported_inserted",
        "envoys",
        "Kenya, the foreign ministry said on Monday, has expelled two Somali diplomats.",
        X,
        "KEN SOM",
        MON,
    )
    add(
        "reported_after",
        "establish",
        "Ghana and Peru have agreed to exchange ambassadors, the ministry said on Tuesday.",
        E,
        "GHA PER",
        TUE,
    )
    add(
        "announced_progressive",
        "break",
        "Chad on Monday announced it was severing diplomatic ties with Qatar.",
        B,
        "TCD QAT",
        MON,
    )
    add(
        "in_a_statement",
        "embassy",
        "In a statement on Tuesday, Nigeria said it had closed its embassy in Niger.",
        B,
        "NGA NER",
        TUE,
    )
    add(
        "according_to_after",
        "recognise",
        "Malaysia recognised Kosovo on 30 October 2008, according to a statement from its foreign "
        "ministry.",
        "recognise",
        "MYS XKX",
        "2008-10-30",
    )
    add(
        "officials_said",
        "sanctions",
        "Norway has lifted its sanctions on Myanmar, officials said on Monday.",
        "ease_sanctions",
        "NOR MMR",
        MON,
    )
    add(
        "media_reported",
        "visit",
        "Spain's foreign minister visited Morocco on Monday, state media reported.",
        V,
        "ESP MAR",
        MON,
    )
    add(
        "reported_that_pp",
        "sign",
        "The ministry said on Tuesday that Oman had signed a visa agreement with Kenya.",
        S,
        "OMN KEN",
        TUE,
    )
    # quotes
    add(
        "quote_decided",
        "break",
        '"We have decided to break off diplomatic relations with Israel," the president of '
        "Bolivia said on Tuesday.",
        B,
        "BOL ISR",
        TUE,
    )
    add(
        "quote_present",
        "recognise",
        '"Today we recognise the State of Palestine," Norway\'s prime minister said on Tuesday.',
        "recognise",
        "NOR PSE",
        TUE,
        xfail="a performative present in a quote ('Today we recognise') is not read as a done act",
    )
    add(
        "quote_our_embassy",
        "embassy",
        '"We have closed our embassy in Kyiv," Italy\'s foreign minister said on Monday.',
        B,
        "ITA UKR",
        MON,
    )
    add(
        "partial_quote",
        "break",
        'Ghana "has severed all ties" with Togo, its foreign minister said on Tuesday.',
        B,
        "GHA TGO",
        TUE,
    )
    add(
        "quote_expelled",
        "envoys",
        '"The ambassador of Chad has been expelled," Sudan\'s foreign minister said on Tuesday.',
        X,
        "TCD SDN",
        TUE,
    )
    # agreements to exchange ambassadors or resume relations
    add(
        "exchange_pp",
        "establish",
        "Israel and Bahrain have agreed to exchange ambassadors.",
        E,
        "ISR BHR",
        PUB,
    )
    add(
        "agreed_and_reopen",
        "restore",
        "Saudi Arabia and Iran agreed on 10 March 2023 to resume diplomatic relations and reopen "
        "embassies within two months.",
        E,
        "SAU IRN",
        "2023-03-10",
    )
    add(
        "exchange_and_reopen",
        "restore",
        "Qatar and the United Arab Emirates agreed on 3 May 1994 to exchange ambassadors and "
        "reopen their embassies.",
        E,
        "QAT ARE",
    )
    add(
        "exchange_with",
        "establish",
        "Morocco agreed with Israel on 3 May 1994 to exchange ambassadors.",
        E,
        "MAR ISR",
    )
    # causatives
    add(
        "causative_leave",
        "envoys",
        "Peru ordered the Mexican ambassador to leave the country on 3 May 1994.",
        X,
        "PER MEX",
    )
    add(
        "causative_within",
        "envoys",
        "Algeria ordered France's ambassador to leave within 48 hours on 3 May 1994.",
        X,
        "DZA FRA",
    )
    add(
        "causative_participle",
        "envoys",
        "Russia ordered two Estonian diplomats expelled on 3 May 1994.",
        X,
        "RUS EST",
    )
    add(
        "causative_told",
        "envoys",
        "Japan told China's ambassador to leave on 3 May 1994.",
        X,
        "JPN CHN",
    )
    add(
        "causative_gave_days",
        "envoys",
        "Niger gave the French ambassador two days to leave Niger on 3 May 1994.",
        X,
        "NER FRA",
    )
    # downgrades to chargé d'affaires, and upgrades
    add(
        "charge_representation",
        "break",
        "Turkey lowered its diplomatic representation in Israel to chargé d'affaires level on 3 "
        "May 1994.",
        B,
        "TUR ISR",
    )
    add(
        "charge_reduced",
        "break",
        "Kuwait reduced its diplomatic representation in Iran to the level of chargé d'affaires "
        "on 3 May 1994.",
        B,
        "KWT IRN",
    )
    add(
        "charge_passive",
        "break",
        "Relations between Ghana and Togo were downgraded to chargé d'affaires level on 3 May "
        "1994.",
        B,
        "GHA TGO",
    )
    add(
        "charge_ties",
        "break",
        "China downgraded its diplomatic ties with Lithuania to the chargé d'affaires level on 21 "
        "November 2021.",
        B,
        "CHN LTU",
        "2021-11-21",
    )
    add(
        "upgrade_ambassador",
        "establish",
        "Israel and Morocco upgraded relations to ambassador level on 3 May 1994.",
        E,
        "ISR MAR",
    )
    add(
        "upgrade_interests",
        "establish",
        "Cuba upgraded its interests section in Washington to a full embassy on 20 July 2015.",
        E,
        "CUB USA",
        "2015-07-20",
    )
    # representative and trade offices
    add(
        "office_open",
        "embassy",
        "Taiwan opened a representative office in Lithuania on 18 November 2021.",
        E,
        "TWN LTU",
        "2021-11-18",
    )
    add("office_pp", "embassy", "Israel has opened a trade office in Qatar.", E, "ISR QAT", PUB)
    add(
        "office_close",
        "embassy",
        "Taiwan closed its representative office in Nigeria on 3 May 1994.",
        B,
        "TWN NGA",
    )
    # credentials, to a governor-general or a named sovereign
    add(
        "credentials_gg",
        "credentials",
        "The ambassador of Japan presented his credentials to the Governor-General of Australia "
        "on 3 May 1994.",
        M,
        "JPN AUS",
    )
    add(
        "credentials_gg_poss",
        "credentials",
        "Ireland's new ambassador presented her credentials to Canada's Governor General on "
        "Tuesday.",
        M,
        "IRL CAN",
        TUE,
    )
    add(
        "credentials_credence",
        "credentials",
        "Ambassador Ana Silva of Brazil presented her letters of credence to the Governor-General "
        "of New Zealand on 3 May 1994.",
        M,
        "BRA NZL",
    )
    add(
        "credentials_high_commissioner",
        "credentials",
        "The new Indian High Commissioner presented credentials to the Governor-General of Papua "
        "New Guinea on 3 May 1994.",
        M,
        "IND PNG",
    )
    add(
        "credentials_king",
        "credentials",
        "Vietnam's ambassador presented credentials to King Tupou VI of Tonga on 3 May 1994.",
        M,
        "VNM TON",
    )
    # leaving and rejoining organisations
    add(
        "rejoin",
        "organisation",
        "Gambia rejoined the Commonwealth on 8 February 2018.",
        J,
        "GMB",
        "2018-02-08",
    )
    add(
        "quit_the",
        "organisation",
        "The Maldives quit the Commonwealth on 13 October 2016.",
        B,
        "MDV",
        "2016-10-13",
    )
    add(
        "withdrew_court",
        "organisation",
        "Burundi withdrew from the International Criminal Court on 27 October 2017.",
        B,
        "BDI",
        "2017-10-27",
    )
    add(
        "readmitted",
        "organisation",
        "Morocco was readmitted to the African Union on 30 January 2017.",
        J,
        "MAR",
        "2017-01-30",
    )
    add(
        "left_and_rejoined_left",
        "organisation",
        "Indonesia left the United Nations on 20 January 1965 and rejoined it in September 1966.",
        B,
        "IDN",
        "1965-01-20",
    )
    add(
        "left_and_rejoined_rejoined",
        "organisation",
        "Indonesia left the United Nations on 20 January 1965 and rejoined it in September 1966.",
        J,
        "IDN",
        "1966-09",
    )
    add(
        "quit_acronym", "organisation", "Qatar quit OPEC on 1 January 2019.", B, "QAT", "2019-01-01"
    )
    add(
        "quit_three",
        "organisation",
        "Mali, Burkina Faso and Niger quit the Economic Community of West African States on 28 "
        "January 2024.",
        B,
        "MLI BFA NER",
        "2024-01-28",
    )
    add(
        "rejoined_it",
        "organisation",
        "South Africa left the Commonwealth in 1961 and rejoined it in 1994.",
        J,
        "ZAF",
        "1994",
    )
    # lists distributed over items, a date for each
    s = "Ghana established diplomatic relations with Cuba in 1961, Chile in 1965 and Peru in 1970."
    add("list_dates_1", "establish", s, E, "GHA CUB", "1961")
    add("list_dates_2", "establish", s, E, "GHA CHL", "1965")
    add("list_dates_3", "establish", s, E, "GHA PER", "1970")
    s = (
        "China established ties with Panama in June 2017, with the Dominican Republic in May 2018 "
        "and with El Salvador in August 2018."
    )
    add("list_with_1", "establish", s, E, "CHN PAN", "2017-06")
    add("list_with_2", "establish", s, E, "CHN DOM", "2018-05")
    add("list_with_3", "establish", s, E, "CHN SLV", "2018-08")
    s = "Germany recognised Croatia on 23 December 1991 and Bosnia in April 1992."
    add("list_recognise_1", "recognise", s, "recognise", "DEU HRV", "1991-12-23")
    add("list_recognise_2", "recognise", s, "recognise", "DEU BIH", "1992-04")
    s = (
        "Senegal joined the United Nations in 1960, the Organisation of Islamic Cooperation in "
        "1969 and ECOWAS in 1975."
    )
    add("list_join_1", "organisation", s, J, "SEN", "1960")
    add("list_join_3", "organisation", s, J, "SEN", "1975")
    s = "Kenya expelled Somalia's ambassador in 2020 and Uganda's in 2023."
    add(
        "list_elided_1",
        "envoys",
        s,
        X,
        "KEN SOM",
        "2020",
        xfail="a list with an elided head noun ('X's ambassador in 2020 and Y's in 2023') is "
        "not distributed over its items",
    )
    # country forms: adjectives, short and old names, initials defined in the text
    add(
        "adjective_government",
        "break",
        "The Kenyan government severed diplomatic ties with Somalia on 14 December 2020.",
        B,
        "KEN SOM",
        "2020-12-14",
    )
    add(
        "adjective_title_name",
        "visit",
        "Kenyan President William Ruto visited Tanzania on Monday.",
        V,
        "KEN TZA",
        MON,
    )
    add(
        "adjective_counterpart",
        "meet",
        "The Ivorian foreign minister met his Ghanaian counterpart in Accra on 3 May 1994.",
        M,
        "CIV GHA",
    )
    add(
        "old_name",
        "establish",
        "Burma established diplomatic relations with Israel in 1953.",
        E,
        "MMR ISR",
        "1953",
    )
    add("old_name", "break", "Zaire broke off relations with Belgium on 3 May 1994.", B, "COD BEL")
    add(
        "old_name", "recognise", "Dahomey recognised China in 1964.", "recognise", "BEN CHN", "1964"
    )
    add(
        "old_name",
        "establish",
        "Ceylon and Israel established diplomatic relations in 1957.",
        E,
        "LKA ISR",
        "1957",
    )
    add(
        "initials_defined",
        "break",
        "The Central African Republic (CAR) is landlocked. The CAR severed diplomatic relations "
        "with Chad on 3 May 1994.",
        B,
        "CAF TCD",
    )
    add(
        "initials",
        "embassy",
        "The UAE reopened its embassy in Damascus on 27 December 2018.",
        E,
        "ARE SYR",
        "2018-12-27",
    )
    add(
        "initials",
        "restore",
        "The US and Vietnam normalised relations on 11 July 1995.",
        E,
        "USA VNM",
        "1995-07-11",
    )
    add(
        "short_name",
        "restore",
        "Britain and Argentina restored diplomatic relations on 15 February 1990.",
        E,
        "GBR ARG",
        "1990-02-15",
    )
    add(
        "article_name",
        "sign",
        "The Gambia and Senegal signed a border treaty on 3 May 1994.",
        S,
        "GMB SEN",
    )
    add(
        "short_name",
        "envoys",
        "Czechia expelled 18 Russian diplomats on 17 April 2021.",
        X,
        "CZE RUS",
        "2021-04-17",
    )
    add(
        "short_name",
        "break",
        "North Korea severed diplomatic ties with Malaysia on 19 March 2021.",
        B,
        "PRK MYS",
        "2021-03-19",
    )
    add(
        "adjective_government",
        "envoys",
        "The Saudi government recalled its ambassador from Lebanon on 29 October 2021.",
        X,
        "SAU LBN",
        "2021-10-29",
    )
    add(
        "adjective_minister_capital",
        "visit",
        "The Emirati foreign minister visited Damascus on 9 November 2021.",
        V,
        "ARE SYR",
        "2021-11-09",
    )
    add(
        "adjectives_officials",
        "meet",
        "Kenyan and Somali officials held talks in Nairobi on 3 May 1994.",
        M,
        "KEN SOM",
    )
    add(
        "adjective_army",
        "war",
        "Russian troops invaded Ukraine on 24 February 2022.",
        "armed_conflict",
        "RUS UKR",
        "2022-02-24",
    )
    # seats of government and "the X regime"
    add(
        "capitals",
        "restore",
        "Beijing and Managua restored diplomatic relations on 10 December 2021.",
        E,
        "CHN NIC",
        "2021-12-10",
    )
    add("seat", "envoys", "The Kremlin expelled 10 Polish diplomats on 3 May 1994.", X, "RUS POL")
    add(
        "capitals",
        "sanctions",
        "Washington imposed new sanctions on Pyongyang on 3 May 1994.",
        "impose_sanctions",
        "USA PRK",
    )
    add(
        "adjective_regime",
        "break",
        "The Syrian regime severed ties with Ukraine on 29 June 2022.",
        B,
        "SYR UKR",
        "2022-06-29",
    )
    add(
        "capital_regime",
        "envoys",
        "The Tehran regime expelled two German diplomats on 3 May 1994.",
        X,
        "IRN DEU",
    )
    add(
        "seat_reporting",
        "envoys",
        "Downing Street said on Tuesday that Britain had recalled its ambassador from Russia.",
        X,
        "GBR RUS",
        TUE,
    )
    add(
        "capital",
        "sanctions",
        "Canberra lifted sanctions on Fiji on 3 May 1994.",
        "ease_sanctions",
        "AUS FJI",
    )
    add(
        "junta_in_capital",
        "envoys",
        "The junta in Niamey expelled the French ambassador on 3 May 1994.",
        X,
        "NER FRA",
    )
    add("capitals", "restore", "Riyadh and Tehran restored ties on 3 May 1994.", E, "SAU IRN")
    add(
        "capital_government",
        "establish",
        "The Pretoria government established relations with Taiwan in 1976.",
        E,
        "ZAF TWN",
        "1976",
    )
    # the other frames (the gold sets count the country where talks or a meeting are held as
    # a party, the summit's host too: these two rows were corrected to that after the
    # first run)
    add(
        "criticise",
        "criticise",
        "Morocco on 3 May 1994 denounced Algeria's decision to sever relations.",
        "criticise",
        "MAR DZA",
    )
    add(
        "intent_one_side",
        "intent",
        "Israel approved a proposal on 3 May 1994 to establish diplomatic relations with Bhutan.",
        "intent",
        "ISR BTN",
    )
    add(
        "negotiate_days",
        "negotiate",
        "Peru and Chile held three days of talks on their maritime border on 3-5 May 1994.",
        "negotiate",
        "PER CHL",
        "1994-05-03/1994-05-05",
    )
    add(
        "negotiate_venue",
        "negotiate",
        "Armenia and Azerbaijan negotiated a peace deal in Washington on Monday.",
        "negotiate",
        "ARM AZE USA",
        MON,
    )
    add(
        "coup_overthrew",
        "coup",
        "Soldiers overthrew the president of Burkina Faso on 30 September 2022.",
        "regime_change",
        "BFA",
        "2022-09-30",
    )
    add(
        "coup_junta",
        "coup",
        "A military junta seized power in Guinea on 5 September 2021.",
        "regime_change",
        "GIN",
        "2021-09-05",
    )
    add(
        "coup_named",
        "coup",
        "Sudan's army ousted President Omar al-Bashir on 11 April 2019.",
        "regime_change",
        "SDN",
        "2019-04-11",
    )
    add(
        "war_relative",
        "war",
        "Iraq, which invaded Iran in September 1980, sued for peace in 1988.",
        "armed_conflict",
        "IRQ IRN",
        "1980-09",
    )
    add(
        "aid_delivered",
        "aid",
        "Turkey delivered humanitarian aid to Syria on 3 May 1994.",
        "provide_aid",
        "TUR SYR",
    )
    add(
        "aid_pledged",
        "aid",
        "China pledged $100 million in aid to Sri Lanka on Tuesday.",
        "provide_aid",
        "CHN LKA",
        TUE,
    )
    add(
        "sanctions_lifted",
        "sanctions",
        "The United States lifted sanctions on Sudan on 6 October 2017.",
        "ease_sanctions",
        "USA SDN",
        "2017-10-06",
    )
    add(
        "sanctions_on_banks",
        "sanctions",
        "Britain imposed sanctions on three Russian banks on 3 May 1994.",
        "impose_sanctions",
        "GBR RUS",
    )
    add(
        "sanctions_extended",
        "sanctions",
        "Japan extended its sanctions against North Korea on 3 May 1994.",
        "impose_sanctions",
        "JPN PRK",
    )
    add(
        "visit_capital",
        "visit",
        "US President Richard Nixon arrived in Beijing on 21 February 1972.",
        V,
        "USA CHN",
        "1972-02-21",
    )
    add(
        "meet_venue",
        "meet",
        "The leaders of China and Japan met on the sidelines of a summit in Lima on 3 May 1994.",
        M,
        "CHN JPN PER",
    )
    add(
        "meet_hosted",
        "meet",
        "Turkey's president hosted his Azerbaijani counterpart in Ankara on Tuesday.",
        M,
        "TUR AZE",
        TUE,
    )
    add(
        "meet_phone",
        "meet",
        "The president of Chile spoke by phone with his Argentine counterpart on Monday.",
        M,
        "CHL ARG",
        MON,
    )
    add(
        "sign_passive_venue",
        "sign",
        "A defence pact between Saudi Arabia and Pakistan was signed in Riyadh on 3 May 1994.",
        S,
        "SAU PAK",
    )
    add(
        "sign_relative",
        "sign",
        "Egypt and Israel, which signed a peace treaty in 1979, held talks on Monday.",
        S,
        "EGY ISR",
        "1979",
    )
    add(
        "recognise_passive_nominal",
        "recognise",
        "Kosovo's independence was recognised by Japan on 18 March 2008.",
        "recognise",
        "JPN XKX",
        "2008-03-18",
    )
    add(
        "recognise_bystander",
        "recognise",
        "Brazil recognised Angola on 11 November 1975, ahead of Portugal.",
        "recognise",
        "BRA AGO",
        "1975-11-11",
    )
    add(
        "visit_bystander",
        "visit",
        "Chile's president visited Bolivia on 3 May 1994, a week after a trip by Peru's.",
        V,
        "CHL BOL",
    )
    add(
        "break_bystander",
        "break",
        "Paraguay severed ties with Venezuela on 3 May 1994, following Peru's lead.",
        B,
        "PRY VEN",
    )
    add(
        "expel_bystander",
        "envoys",
        "Poland expelled a Belarusian diplomat on 3 May 1994, citing Lithuania's example.",
        X,
        "POL BLR",
    )
    add(
        "establish_at_venue",
        "establish",
        "Fiji and Kosovo established diplomatic relations at the United Nations in New York on 3 "
        "May 1994.",
        E,
        "FJI XKX",
    )
    add(
        "restore_mediated",
        "restore",
        "Qatar and Chad restored relations on 3 May 1994 after mediation by Kuwait.",
        E,
        "QAT TCD",
    )
    # Rows added with the fixes, after the first run: other sentences of each fixed class,
    # to show the fix is the class's and not the row's.
    add(
        "relative_that_sign",
        "sign",
        "The treaty that Peru and Ecuador signed on 26 October 1998 ended the war.",
        S,
        "PER ECU",
        "1998-10-26",
    )
    add(
        "relative_which_ink",
        "sign",
        "The deal which Chile and Bolivia inked in May 1994 was short-lived.",
        S,
        "CHL BOL",
        "1994-05",
    )
    add(
        "participle_signed_month",
        "sign",
        "Signed in Accra in May 1994, the border treaty between Ghana and Togo held.",
        S,
        "GHA TGO",
        "1994-05",
    )
    add(
        "passive_protocol",
        "sign",
        "A protocol between Chile and Peru was signed on 3 May 1994.",
        S,
        "CHL PER",
    )
    add(
        "quit_and_rejoined_it",
        "organisation",
        "Peru quit the Andean Community in 1992 and rejoined it in 1994.",
        J,
        "PER",
        "1994",
    )
    add(
        "left_and_returned_bloc",
        "organisation",
        "Nauru left the Pacific Islands Forum in 1990 and rejoined it on 3 May 1994.",
        J,
        "NRU",
    )
    add(
        "becoming_member",
        "organisation",
        "Tuvalu, becoming the 189th member of the United Nations on 5 September 2000, was the "
        "smallest.",
        J,
        "TUV",
        "2000-09-05",
    )
    add(
        "scaled_down_representation",
        "break",
        "Bahrain scaled down its representation in Qatar to chargé d'affaires level on 3 May 1994.",
        B,
        "BHR QAT",
    )
    add(
        "aid_passive_delivered",
        "aid",
        "Medical supplies were delivered to Yemen by Oman on 3 May 1994.",
        "provide_aid",
        "OMN YEM",
    )
    add(
        "bystander_infuriating",
        "recognise",
        "Sweden recognised Palestine on 30 October 2014, infuriating Israel.",
        "recognise",
        "SWE PSE",
        "2014-10-30",
    )
    add(
        "bystander_example",
        "break",
        "Belize cut ties with Israel on 3 May 1994, following Bolivia's example.",
        B,
        "BLZ ISR",
    )
    add(
        "intent_decided_dated",
        "intent",
        "Fiji decided on 3 May 1994 to establish diplomatic relations with Kosovo.",
        "intent",
        "FJI XKX",
    )
    add(
        "quote_our_shut",
        "embassy",
        '"We have shut our embassy in Kabul," Canada\'s foreign minister said on Monday.',
        B,
        "CAN AFG",
        MON,
    )
    add(
        "office_shut_pp",
        "embassy",
        "Israel has shut down its trade office in Qatar.",
        B,
        "ISR QAT",
        PUB,
    )
    add(
        "relative_three_subjects",
        "establish",
        "Fiji, Tonga and Samoa, which established relations with Chile in 1994, met on Monday.",
        E,
        "FJI TON WSM CHL",
        "1994",
    )
    add(
        "relative_two_subjects_break",
        "break",
        "Chad and Sudan, which severed ties in May 2006, met in Tripoli on Monday.",
        B,
        "TCD SDN",
        "2006-05",
    )
    s = (
        "After severing relations with Qatar on 5 June 2017, Egypt restored them on 20 January "
        "2021."
    )
    add("gerund_lead_break", "break", s, B, "EGY QAT", "2017-06-05")
    add("gerund_lead_restored_them", "restore", s, E, "EGY QAT", "2021-01-20")
    add(
        "having_lead_other_frame",
        "recognise",
        "Having recognised Kosovo in 2008, Malaysia opened an embassy in Pristina on 3 May 1994.",
        "recognise",
        "MYS XKX",
        "2008",
    )
    add(
        "nominal_by_agent",
        "sanctions",
        "The tightening of sanctions on Cuba by the United States on 3 May 1994 was condemned.",
        "impose_sanctions",
        "USA CUB",
    )
    add(
        "upgrade_liaison_office",
        "establish",
        "Israel upgraded its liaison office in Rabat to an embassy on 3 May 1994.",
        E,
        "ISR MAR",
    )
    add(
        "passive_post_png",
        "envoys",
        "Chile's ambassador to Bolivia was declared persona non grata on 3 May 1994.",
        X,
        "CHL BOL",
    )
    add(
        "passive_post_ordered",
        "envoys",
        "Iran's envoy in Baku was ordered to leave on Tuesday.",
        X,
        "IRN AZE",
        TUE,
    )
    add(
        "participle_expelled_capital",
        "envoys",
        "Expelled from Moscow in March 1994, two Estonian diplomats returned to Tallinn.",
        X,
        "RUS EST",
        "1994-03",
    )
    s = "Egypt, expelled from the Arab League in 1979, rejoined it in 1989."
    add("participle_expelled_org", "organisation", s, B, "EGY", "1979")
    add("participle_expelled_org_rejoined", "organisation", s, J, "EGY", "1989")
    return R


# Who acts is named first in the title: told in the passive, after a leading participle,
# by a nominalisation with its agent after "by" (rows added with the fixes).
ACTING_FIRST = [
    ("Venezuela's ambassador in Peru was expelled on 3 May 1994.", "Peru "),
    ("Chile's ambassador to Bolivia was declared persona non grata on 3 May 1994.", "Bolivia "),
    ("Kenya's ambassador was declared persona non grata by Uganda on 3 May 1994.", "Uganda "),
    ("Expelled from Sudan on 3 May 1994, the British ambassador flew home.", "Sudan "),
    ("Having broken off relations with Cuba in 1964, Chile restored them in 1990.", "Chile "),
    ("After severing ties with Iran in 1980, Egypt restored them in 1991.", "Egypt "),
    (
        "The imposition of sanctions on Iran by the United States in May 2018 hit exports.",
        "United States ",
    ),
]


@pytest.mark.parametrize(("sentence", "first"), ACTING_FIRST)
def test_the_acting_side_is_named_first(sentence, first):
    titles = [e.title for e in _events(sentence)]
    assert titles and all(t.startswith(first) for t in titles), titles


NEGATIVE = [
    ("denial", "Ghana denied on Tuesday that it had recalled its ambassador from Peru."),
    (
        "dismissed_reports",
        "Chile dismissed as false on 3 May 1994 reports that it had closed its embassy in Bolivia.",
    ),
    ("threat_any", "Algeria threatened on 3 May 1994 to cut ties with Spain over Western Sahara."),
    ("warned_would", "Peru warned Ecuador on 3 May 1994 that it would expel its ambassador."),
    (
        "if_then",
        "If Fiji recognises Kosovo, Serbia will recall its ambassador, officials said on 3 May "
        "1994.",
    ),
    (
        "plan_next_year",
        "Ghana plans to open an embassy in Peru next year, the minister said on Tuesday.",
    ),
    (
        "intends",
        "Kenya intends to establish diplomatic relations with Bhutan, the ministry said on "
        "Tuesday.",
    ),
    ("call_on_others", "Iran called on Muslim countries on 3 May 1994 to sever ties with Israel."),
    ("urged_not", "The United States urged Panama on Tuesday not to recognise Kosovo."),
    ("asked_to", "Peru asked Chile on 3 May 1994 to restore diplomatic relations with Bolivia."),
    ("quote_will", '"We will restore relations with Syria," Tunisia\'s president said on Tuesday.'),
    (
        "announced_would_leave",
        "Venezuela announced on 28 April 2017 that it would leave the Organization of American "
        "States.",
    ),
    (
        "weighing",
        "Argentina is weighing whether to expel the Iranian ambassador, officials said on Tuesday.",
    ),
    ("refused_break", "Mexico refused on 3 May 1994 to break off relations with Cuba."),
    ("ruled_out", "Brazil ruled out cutting ties with Russia on Tuesday."),
    ("no_plans", "Japan has no plans to impose sanctions on India, officials said on Tuesday."),
    ("not_yet", "Saudi Arabia has not yet recognised Israel, the minister said on Tuesday."),
    (
        "expected_to",
        "Honduras is expected to establish ties with China next week, officials said on Tuesday.",
    ),
    ("demanded_that", "Protesters demanded on Tuesday that Chile expel the Israeli ambassador."),
    ("rumours", "Rumours that Nepal had expelled the Indian ambassador swirled on 3 May 1994."),
    ("proposed_that", "A senator proposed on Tuesday that Colombia sever ties with Israel."),
    (
        "could_lead",
        "The dispute could lead Morocco to recall its ambassador from Spain, analysts said on "
        "Tuesday.",
    ),
    ("stopped_short", "Nigeria stopped short of severing ties with Niger on Tuesday."),
    ("would_have", "Without the deal, Egypt would have expelled Sudan's ambassador on 3 May 1994."),
    ("pressed_to", "Washington pressed Honduras on 3 May 1994 to keep its ties with Taiwan."),
    # Added with the fixes, after the first run.
    ("rumours_others", "Speculation that Chad had cut ties with Qatar grew on 3 May 1994."),
    ("ruling_out", "Peru's president ruled out on Tuesday any break in relations with Chile."),
    (
        "requested_that",
        "Lawmakers requested on Tuesday that Spain recall its ambassador from Israel.",
    ),
    (
        "office_will_close",
        "Taiwan will close its trade office in Fiji next month, officials said on Tuesday.",
    ),
    ("readmitted_no_organisation", "Peru was readmitted on 3 May 1994, officials said."),
    ("stopped_short_expel", "Kenya stopped short of expelling Somalia's ambassador on 3 May 1994."),
]


def _events(text: str):
    return build_timeline([DocInput("a", text, PUBLISHED)]).events


def _named(title: str) -> set[str]:
    """The countries a title names."""
    return {m.key for m in find_countries(title, [Sentence(0, 0, len(title), title)])}


_ROWS = _rows()


@pytest.mark.parametrize(
    ("sentence", "type_", "parties", "date"),
    [
        pytest.param(
            s,
            t,
            p,
            d,
            id=f"{f}-{c}",
            marks=[pytest.mark.xfail(strict=True, reason=x)] if x else [],
        )
        for c, f, s, t, p, d, x in _ROWS
    ],
)
def test_wide_paraphrase_gives_the_event(sentence, type_, parties, date):
    events = _events(sentence)
    found = [(e.type, set(e.countries), e.date and e.date.edtf, e.status) for e in events]
    assert (type_, set(parties), date, "done") in found, found
    titles = [
        e.title
        for e in events
        if (e.type, set(e.countries), e.date and e.date.edtf) == (type_, set(parties), date)
    ]
    assert all(_named(t) <= set(parties) for t in titles), titles


# Frames that tell words about an act, not the act.
_SPEECH = {"criticise", "appeal", "intent", "announce", "other"}


@pytest.mark.parametrize(("construction", "sentence"), NEGATIVE, ids=[c for c, _ in NEGATIVE])
def test_wide_unreal_act_gives_no_done_event(construction, sentence):
    done = [
        (e.type, e.countries)
        for e in _events(sentence)
        if e.status == "done" and e.date and e.type not in _SPEECH
    ]
    assert done == []


_SENTENCES = sorted({row[2] for row in _ROWS} | {s for _, s in NEGATIVE})


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_no_title_names_a_country_that_is_no_party(sentence):
    wrong = [
        (e.title, e.countries) for e in _events(sentence) if not _named(e.title) <= set(e.countries)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Laos suspended its membership of the Commonwealth on 3 May 1994.",
        "Laos suspended its membership in the Francophonie on 3 May 1994.",
    ],
)
def test_a_one_word_organisation_after_membership_of_is_the_one_left(sentence):
    # "its membership of the Commonwealth": the organisation follows "of"/"in".
    (event,) = [e for e in _events(sentence) if e.type == "reduce_relations"]
    assert event.countries == ["LAO"] and event.date.edtf == "1994-05-03"
    assert "Commonwealth" in event.title or "Francophonie" in event.title
