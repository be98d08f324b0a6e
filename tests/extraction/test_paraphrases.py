"""Paraphrase robustness: each main event frame told in many constructions.

Each row varies one construction (tense, voice, nominalisation, reported speech, control
verb, coordination, fronted date, apposition, inserted modifiers, another verb of the same
meaning) over invented sentences with real countries from many regions. Each must give a
done event of the right type, with exactly the right party countries and date. The
negative rows (negation, hedges, denials, threats, calls on others) must give no done
event of an action frame.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.pipeline import build_timeline
from timeline.extraction.types import DocInput

PUBLISHED = dt.date(2024, 5, 3)  # a Friday
D = "1994-05-03"
TUE = "2024-04-30"  # "on Tuesday", "said Tuesday": the Tuesday before publication
PUB = "2024-05-03"  # an undated present perfect is news of the day


# A list of partners told with one verb and one date is one happening with all of them
# (as the gold sets annotate "broke off relations with A, B, C and D", and
# test_events.py's list test); a list with a date per partner is one happening each.
def _rows():
    R = []

    def add(cons, frame, s, typ, parties, date=D):
        R.append((cons, frame, s, typ, frozenset(parties.split()), date))

    # establish relations
    f, t = "establish", "establish_relations"
    add(
        "simple_past",
        f,
        "Ghana and Peru established diplomatic relations on 3 May 1994.",
        t,
        "GHA PER",
    )
    add(
        "with_partner",
        f,
        "Vietnam established diplomatic relations with Uruguay on 3 May 1994.",
        t,
        "VNM URY",
    )
    add(
        "present_perfect",
        f,
        "Norway has established diplomatic relations with Fiji.",
        t,
        "NOR FJI",
        PUB,
    )
    add(
        "passive",
        f,
        "Diplomatic relations between Senegal and Nepal were established on 3 May 1994.",
        t,
        "SEN NPL",
    )
    add(
        "nominal",
        f,
        "The establishment of diplomatic ties between Jordan and Bolivia on 3 May 1994 was new.",
        t,
        "JOR BOL",
    )
    add(
        "reported",
        f,
        "Estonia said on Tuesday it had established diplomatic relations with Malawi.",
        t,
        "EST MWI",
        TUE,
    )
    add(
        "reported_after",
        f,
        "Laos has established diplomatic relations with Tunisia, the ministry said Tuesday.",
        t,
        "LAO TUN",
        TUE,
    )
    add(
        "control",
        f,
        "Paraguay and Mongolia agreed on 3 May 1994 to establish diplomatic relations.",
        t,
        "PRY MNG",
    )
    add(
        "fronted_date",
        f,
        "On 3 May 1994, Iceland and Namibia established diplomatic relations.",
        t,
        "ISL NAM",
    )
    add(
        "apposition",
        f,
        "Ecuador, a member of the Andean Community, established ties with Cambodia on 3 May 1994.",
        t,
        "ECU KHM",
    )
    add(
        "adverb",
        f,
        "Slovenia and Qatar formally established full diplomatic relations on 3 May 1994.",
        t,
        "SVN QAT",
    )
    add(
        "modifiers",
        f,
        "Honduras and Benin established diplomatic and consular relations on 3 May 1994.",
        t,
        "HND BEN",
    )
    add("lemma", f, "Bhutan and Latvia forged diplomatic ties on 3 May 1994.", t, "BTN LVA")
    add(
        "coord_object",
        f,
        "Zambia established diplomatic relations with Oman and Guatemala on 3 May 1994.",
        t,
        "ZMB OMN GTM",
    )
    # break relations
    f, t = "break", "reduce_relations"
    add(
        "simple_past",
        f,
        "Ghana severed diplomatic relations with Peru on 3 May 1994.",
        t,
        "GHA PER",
    )
    add("present_perfect", f, "Vietnam has cut diplomatic ties with Uruguay.", t, "VNM URY", PUB)
    add(
        "passive",
        f,
        "Diplomatic relations between Norway and Fiji were severed on 3 May 1994.",
        t,
        "NOR FJI",
    )
    add(
        "passive_by",
        f,
        "Relations with Senegal were broken off by Nepal on 3 May 1994.",
        t,
        "SEN NPL",
    )
    add(
        "nominal",
        f,
        "Jordan's decision to sever diplomatic relations with Bolivia on 3 May 1994 was a shock.",
        t,
        "JOR BOL",
    )
    add(
        "nominal_of",
        f,
        "The severing of diplomatic ties between Estonia and Malawi on 3 May 1994 was a shock.",
        t,
        "EST MWI",
    )
    add(
        "reported",
        f,
        "Laos said on Tuesday it had broken off diplomatic relations with Tunisia.",
        t,
        "LAO TUN",
        TUE,
    )
    add(
        "reported_after",
        f,
        "Paraguay has cut diplomatic ties with Mongolia, the foreign ministry said Tuesday.",
        t,
        "PRY MNG",
        TUE,
    )
    add(
        "control",
        f,
        "Iceland decided on 3 May 1994 to sever diplomatic relations with Namibia.",
        t,
        "ISL NAM",
    )
    add(
        "control_moved",
        f,
        "Ecuador moved on 3 May 1994 to cut diplomatic ties with Cambodia.",
        t,
        "ECU KHM",
    )
    add(
        "fronted_date",
        f,
        "On 3 May 1994, Slovenia broke off diplomatic relations with Qatar.",
        t,
        "SVN QAT",
    )
    add(
        "apposition",
        f,
        "Honduras, a former Spanish colony, severed diplomatic relations with Benin on 3 May 1994.",
        t,
        "HND BEN",
    )
    add(
        "adverb",
        f,
        "Bhutan formally severed diplomatic and consular relations with Latvia on 3 May 1994.",
        t,
        "BTN LVA",
    )
    add("lemma_end", f, "Zambia ended diplomatic relations with Oman on 3 May 1994.", t, "ZMB OMN")
    add(
        "lemma_terminate",
        f,
        "Guatemala terminated diplomatic relations with Kazakhstan on 3 May 1994.",
        t,
        "GTM KAZ",
    )
    add("suspend", f, "Ghana suspended diplomatic relations with Peru on 3 May 1994.", t, "GHA PER")
    add(
        "coord_subject",
        f,
        "Vietnam and Uruguay severed diplomatic relations on 3 May 1994.",
        t,
        "VNM URY",
    )
    # restore
    f, t = "restore", "establish_relations"
    add(
        "simple_past",
        f,
        "Ghana and Peru restored diplomatic relations on 3 May 1994.",
        t,
        "GHA PER",
    )
    add(
        "present_perfect",
        f,
        "Vietnam has restored diplomatic ties with Uruguay.",
        t,
        "VNM URY",
        PUB,
    )
    add(
        "passive",
        f,
        "Diplomatic relations between Norway and Fiji were restored on 3 May 1994.",
        t,
        "NOR FJI",
    )
    add(
        "nominal",
        f,
        "The restoration of diplomatic ties between Senegal and Nepal on 3 May 1994 was hailed.",
        t,
        "SEN NPL",
    )
    add(
        "reported",
        f,
        "Jordan said on Tuesday it had resumed diplomatic relations with Bolivia.",
        t,
        "JOR BOL",
        TUE,
    )
    add(
        "control",
        f,
        "Estonia and Malawi agreed on 3 May 1994 to restore diplomatic relations.",
        t,
        "EST MWI",
    )
    add(
        "lemma_reestablish",
        f,
        "Laos re-established diplomatic relations with Tunisia on 3 May 1994.",
        t,
        "LAO TUN",
    )
    add(
        "lemma_normalise",
        f,
        "Paraguay and Mongolia normalised relations on 3 May 1994.",
        t,
        "PRY MNG",
    )
    add(
        "fronted_date",
        f,
        "On 3 May 1994, Iceland resumed diplomatic relations with Namibia.",
        t,
        "ISL NAM",
    )
    add(
        "adverb",
        f,
        "Ecuador and Cambodia officially restored full diplomatic relations on 3 May 1994.",
        t,
        "ECU KHM",
    )
    # recall / expel / summon
    f, t = "envoys", "expel_withdraw"
    add("recall", f, "Ghana recalled its ambassador from Peru on 3 May 1994.", t, "GHA PER")
    add("recall_pp", f, "Vietnam has recalled its ambassador to Uruguay.", t, "VNM URY", PUB)
    add("expel", f, "Norway expelled Fiji's ambassador on 3 May 1994.", t, "NOR FJI")
    add(
        "expel_passive",
        f,
        "The ambassador of Senegal was expelled by Nepal on 3 May 1994.",
        t,
        "SEN NPL",
    )
    add(
        "expel_nominal",
        f,
        "Jordan's decision to expel the ambassador of Bolivia on 3 May 1994 angered officials.",
        t,
        "JOR BOL",
    )
    add(
        "expel_reported",
        f,
        "Estonia said on Tuesday it had expelled two Malawian diplomats.",
        t,
        "EST MWI",
        TUE,
    )
    add(
        "expel_ordered_out",
        f,
        "Laos ordered Tunisia's ambassador to leave the country on 3 May 1994.",
        t,
        "LAO TUN",
    )
    add(
        "persona_non_grata",
        f,
        "Paraguay declared the ambassador of Mongolia persona non grata on 3 May 1994.",
        t,
        "PRY MNG",
    )
    add(
        "expel_fronted",
        f,
        "On 3 May 1994, Iceland expelled the ambassador of Namibia.",
        t,
        "ISL NAM",
    )
    add("withdraw", f, "Ecuador withdrew its ambassador from Cambodia on 3 May 1994.", t, "ECU KHM")
    # envoys arrive
    f = "credentials"
    add(
        "credentials",
        f,
        "The ambassador of Ghana presented his credentials to the president of Peru on 3 May 1994.",
        "meet",
        "GHA PER",
    )
    add(
        "credentials_passive",
        f,
        "The credentials of Vietnam's envoy were presented to Uruguay's president on 3 May 1994.",
        "meet",
        "VNM URY",
    )
    # embassy
    f = "embassy"
    add(
        "open",
        f,
        "Ghana opened an embassy in Peru on 3 May 1994.",
        "establish_relations",
        "GHA PER",
    )
    add(
        "open_pp",
        f,
        "Vietnam has opened an embassy in Uruguay.",
        "establish_relations",
        "VNM URY",
        PUB,
    )
    add(
        "open_passive",
        f,
        "Norway's embassy in Fiji was opened on 3 May 1994.",
        "establish_relations",
        "NOR FJI",
    )
    add(
        "open_nominal",
        f,
        "The opening of Senegal's embassy in Nepal on 3 May 1994 was a milestone.",
        "establish_relations",
        "SEN NPL",
    )
    add(
        "close",
        f,
        "Jordan closed its embassy in Bolivia on 3 May 1994.",
        "reduce_relations",
        "JOR BOL",
    )
    add(
        "close_pp",
        f,
        "Estonia has closed its embassy in Malawi.",
        "reduce_relations",
        "EST MWI",
        PUB,
    )
    add(
        "close_reported",
        f,
        "Laos said on Tuesday it had shut its embassy in Tunisia.",
        "reduce_relations",
        "LAO TUN",
        TUE,
    )
    add(
        "close_fronted",
        f,
        "On 3 May 1994, Paraguay closed its embassy in Mongolia.",
        "reduce_relations",
        "PRY MNG",
    )
    # visit
    f, t = "visit", "visit"
    add("simple_past", f, "The president of Ghana visited Peru on 3 May 1994.", t, "GHA PER")
    add("pp", f, "Vietnam's prime minister has visited Uruguay.", t, "VNM URY", PUB)
    add(
        "nominal",
        f,
        "The visit of Norway's foreign minister to Fiji on 3 May 1994 was the first in decades.",
        t,
        "NOR FJI",
    )
    add(
        "arrived",
        f,
        "Senegal's president arrived in Nepal on 3 May 1994 for a state visit.",
        t,
        "SEN NPL",
    )
    add(
        "paid_visit",
        f,
        "The king of Jordan paid an official visit to Bolivia on 3 May 1994.",
        t,
        "JOR BOL",
    )
    add(
        "fronted", f, "On 3 May 1994, the foreign minister of Estonia visited Malawi.", t, "EST MWI"
    )
    # meet / talks
    f, t = "meet", "meet"
    add(
        "met",
        f,
        "The foreign ministers of Ghana and Peru met in Geneva on 3 May 1994.",
        t,
        "GHA PER",
    )
    add("held_talks", f, "Vietnam and Uruguay held talks on 3 May 1994.", t, "VNM URY")
    add(
        "met_with",
        f,
        "The president of Norway met the prime minister of Fiji on 3 May 1994.",
        t,
        "NOR FJI",
    )
    add(
        "reported",
        f,
        "Senegal's foreign minister met his Nepalese counterpart on Tuesday, the ministry said.",
        t,
        "SEN NPL",
        TUE,
    )
    add(
        "fronted",
        f,
        "On 3 May 1994, the leaders of Jordan and Bolivia met in Geneva.",
        t,
        "JOR BOL",
    )
    # sign
    f, t = "sign", "sign_agreement"
    add("simple_past", f, "Ghana and Peru signed a trade agreement on 3 May 1994.", t, "GHA PER")
    add("with", f, "Vietnam signed a trade agreement with Uruguay on 3 May 1994.", t, "VNM URY")
    add("pp", f, "Norway has signed a fisheries agreement with Fiji.", t, "NOR FJI", PUB)
    add(
        "passive",
        f,
        "A trade agreement between Senegal and Nepal was signed on 3 May 1994.",
        t,
        "SEN NPL",
    )
    add(
        "treaty", f, "Jordan and Bolivia signed a treaty of friendship on 3 May 1994.", t, "JOR BOL"
    )
    add(
        "nominal",
        f,
        "The signing of a trade agreement between Estonia and Malawi on 3 May 1994 was welcomed.",
        t,
        "EST MWI",
    )
    add("fronted", f, "On 3 May 1994, Laos and Tunisia signed an agreement on visas.", t, "LAO TUN")
    add(
        "reported",
        f,
        "Paraguay said on Tuesday it had signed an agreement with Mongolia.",
        t,
        "PRY MNG",
        TUE,
    )
    # recognise
    f, t = "recognise", "recognise"
    add("simple_past", f, "Ghana recognised Peru on 3 May 1994.", t, "GHA PER")
    add(
        "formally",
        f,
        "Vietnam formally recognised the independence of Uruguay on 3 May 1994.",
        t,
        "VNM URY",
    )
    add("pp", f, "Norway has recognised Fiji.", t, "NOR FJI", PUB)
    add("passive", f, "Senegal was recognised by Nepal on 3 May 1994.", t, "SEN NPL")
    add("nominal", f, "Jordan's recognition of Bolivia on 3 May 1994 was welcomed.", t, "JOR BOL")
    add("fronted", f, "On 3 May 1994, Estonia recognised Malawi.", t, "EST MWI")
    add("accorded", f, "Chad and Laos accorded mutual recognition on 3 May 1994.", t, "TCD LAO")
    add(
        "extended",
        f,
        "Iceland extended full diplomatic recognition to Belize on 3 May 1994.",
        t,
        "ISL BLZ",
    )
    add("granted", f, "Oman granted formal recognition to Benin on 3 May 1994.", t, "OMN BEN")
    # join / leave
    f = "organisation"
    add("join", f, "Ghana joined the African Union on 3 May 1994.", "join_organisation", "GHA")
    add(
        "join_pp",
        f,
        "Vietnam has joined the World Trade Organization.",
        "join_organisation",
        "VNM",
        PUB,
    )
    add(
        "join_became_member",
        f,
        "Norway became a member of the United Nations on 3 May 1994.",
        "join_organisation",
        "NOR",
    )
    add(
        "join_admitted",
        f,
        "Fiji was admitted to the United Nations on 3 May 1994.",
        "join_organisation",
        "FJI",
    )
    add(
        "join_fronted",
        f,
        "On 3 May 1994, Senegal joined the Commonwealth.",
        "join_organisation",
        "SEN",
    )
    add("leave", f, "Nepal left the Commonwealth on 3 May 1994.", "reduce_relations", "NPL")
    add(
        "leave_withdrew",
        f,
        "Jordan withdrew from the Commonwealth on 3 May 1994.",
        "reduce_relations",
        "JOR",
    )
    add(
        "leave_quit",
        f,
        "Bolivia quit the Organization of American States on 3 May 1994.",
        "reduce_relations",
        "BOL",
    )
    # second round: more verbs, dates and coordinations
    add(
        "lemma_cut",
        "break",
        "Chad cut diplomatic ties with Qatar on May 3, 1994.",
        "reduce_relations",
        "TCD QAT",
    )
    add(
        "lemma_break",
        "break",
        "Chile broke diplomatic relations with Cuba in May 1994.",
        "reduce_relations",
        "CHL CUB",
        "1994-05",
    )
    add(
        "pp_broken_off",
        "break",
        "Kenya has broken off diplomatic relations with Belize.",
        "reduce_relations",
        "KEN BLZ",
        PUB,
    )
    add(
        "announced_that",
        "break",
        "Libya announced on 3 May 1994 that it had severed relations with Malta.",
        "reduce_relations",
        "LBY MLT",
    )
    add(
        "ministry_said_that",
        "break",
        "Gabon's ministry said on Tuesday that the country had suspended relations with Togo.",
        "reduce_relations",
        "GAB TGO",
        TUE,
    )
    add(
        "passive_between_after",
        "restore",
        "Relations were restored between Angola and Portugal on 3 May 1994.",
        "establish_relations",
        "AGO PRT",
    )
    add(
        "exchange_ambassadors",
        "establish",
        "Cuba and Mexico agreed on 3 May 1994 to exchange ambassadors.",
        "establish_relations",
        "CUB MEX",
    )
    add(
        "three_subjects",
        "establish",
        "Fiji, Tonga and Samoa established diplomatic relations with Chile on 3 May 1994.",
        "establish_relations",
        "FJI TON WSM CHL",
    )
    add(
        "control_recall",
        "envoys",
        "Peru decided on 3 May 1994 to recall its ambassador from Chile.",
        "expel_withdraw",
        "PER CHL",
    )
    add(
        "order_out",
        "envoys",
        "Sudan ordered out two Egyptian diplomats on 3 May 1994.",
        "expel_withdraw",
        "SDN EGY",
    )
    add(
        "png_passive",
        "envoys",
        "Kenya's ambassador was declared persona non grata by Uganda on 3 May 1994.",
        "expel_withdraw",
        "KEN UGA",
    )
    add(
        "expel_coord",
        "envoys",
        "Latvia expelled two Russian diplomats on 3 May 1994, the foreign ministry said.",
        "expel_withdraw",
        "LVA RUS",
    )
    add(
        "recognise_coord",
        "recognise",
        "Iran recognised Armenia and Georgia on 3 May 1994.",
        "recognise",
        "IRN ARM GEO",
    )
    add(
        "recognise_officially",
        "recognise",
        "Brazil officially recognised the State of Palestine on 3 May 1994.",
        "recognise",
        "BRA PSE",
    )
    add(
        "rejoin",
        "organisation",
        "Fiji rejoined the Commonwealth on 3 May 1994.",
        "join_organisation",
        "FJI",
    )
    add(
        "join_officially",
        "organisation",
        "Timor-Leste officially joined ASEAN on 3 May 1994.",
        "join_organisation",
        "TLS",
    )
    add(
        "travelled",
        "visit",
        "The prime minister of India travelled to Japan on 3 May 1994.",
        "visit",
        "IND JPN",
    )
    add(
        "began_visit",
        "visit",
        "Egypt's president began a state visit to Kenya on 3 May 1994.",
        "visit",
        "EGY KEN",
    )
    add(
        "visit_reported",
        "visit",
        "Chile's foreign minister visited Peru on Tuesday, the ministry said.",
        "visit",
        "CHL PER",
        TUE,
    )
    add(
        "talks_with",
        "meet",
        "Mexico's president held talks with his Cuban counterpart on 3 May 1994.",
        "meet",
        "MEX CUB",
    )
    add(
        "received",
        "meet",
        "The king of Morocco received the president of Senegal on 3 May 1994.",
        "meet",
        "MAR SEN",
    )
    add(
        "inaugurated",
        "embassy",
        "Turkey inaugurated its embassy in Gambia on 3 May 1994.",
        "establish_relations",
        "TUR GMB",
    )
    add(
        "shut_down",
        "embassy",
        "Canada shut down its embassy in Iran on 3 May 1994.",
        "reduce_relations",
        "CAN IRN",
    )
    add(
        "close_passive",
        "embassy",
        "Kuwait's embassy in Iraq was closed on 3 May 1994.",
        "reduce_relations",
        "KWT IRQ",
    )
    add(
        "sign_memorandum",
        "sign",
        "Nigeria and Ghana signed a memorandum of understanding on 3 May 1994.",
        "sign_agreement",
        "NGA GHA",
    )
    add(
        "sign_coord",
        "sign",
        "Uganda signed trade agreements with Kenya and Tanzania on 3 May 1994.",
        "sign_agreement",
        "UGA KEN TZA",
    )
    add(
        "sign_control",
        "sign",
        "Vietnam and Laos agreed on 3 May 1994 to sign a border treaty.",
        "sign_agreement",
        "VNM LAO",
    )
    add(
        "establish_us_date",
        "establish",
        "Ghana and Chile established diplomatic relations on May 3, 1994.",
        "establish_relations",
        "GHA CHL",
    )
    add(
        "establish_month",
        "establish",
        "Nepal established diplomatic relations with Peru in May 1994.",
        "establish_relations",
        "NPL PER",
        "1994-05",
    )
    add(
        "reported_according",
        "establish",
        "Mali has established diplomatic relations with Cuba, according to the foreign ministry.",
        "establish_relations",
        "MLI CUB",
        PUB,
    )
    # third round: nominals, clefts, relatives, participles, second conjuncts
    add(
        "expel_nominal_poss",
        "envoys",
        "Chad's expulsion of Libya's ambassador on 3 May 1994 was sudden.",
        "expel_withdraw",
        "TCD LBY",
    )
    add(
        "expel_passive_from",
        "envoys",
        "Two Kenyan diplomats were expelled from Uganda on 3 May 1994.",
        "expel_withdraw",
        "UGA KEN",
    )
    add(
        "recall_passive",
        "envoys",
        "Peru's ambassador to Chile was recalled on 3 May 1994.",
        "expel_withdraw",
        "PER CHL",
    )
    add(
        "recall_consult",
        "envoys",
        "Greece recalled its ambassador to Turkey for consultations on 3 May 1994.",
        "expel_withdraw",
        "GRC TUR",
    )
    add(
        "closure_nominal",
        "embassy",
        "The closure of Canada's embassy in Iran on 3 May 1994 was criticised.",
        "reduce_relations",
        "CAN IRN",
    )
    add(
        "officially_opened",
        "embassy",
        "Turkey officially opened its embassy in Gambia on 3 May 1994.",
        "establish_relations",
        "TUR GMB",
    )
    add(
        "leave_nominal",
        "organisation",
        "Gambia's withdrawal from the Commonwealth on 3 May 1994 surprised many.",
        "reduce_relations",
        "GMB",
    )
    add(
        "join_accession",
        "organisation",
        "Croatia's accession to the European Union on 3 May 1994 was celebrated.",
        "join_organisation",
        "HRV",
    )
    add(
        "visit_nominal_poss",
        "visit",
        "Chile's president's visit to Peru on 3 May 1994 was brief.",
        "visit",
        "CHL PER",
    )
    add(
        "talks_between",
        "meet",
        "Talks between Sudan and Egypt took place in Cairo on 3 May 1994.",
        "meet",
        "SDN EGY",
    )
    add(
        "announced_resumption",
        "restore",
        "Iran and Egypt announced the resumption of diplomatic relations on 3 May 1994.",
        "establish_relations",
        "IRN EGY",
    )
    add(
        "participle_citing",
        "break",
        "Morocco severed relations with Iran on 3 May 1994, citing interference.",
        "reduce_relations",
        "MAR IRN",
    )
    add(
        "cleft",
        "establish",
        "It was on 3 May 1994 that Israel established diplomatic relations with Jordan.",
        "establish_relations",
        "ISR JOR",
    )
    add(
        "relative",
        "establish",
        "Armenia, which established diplomatic relations with India on 3 May 1994, is small.",
        "establish_relations",
        "ARM IND",
    )
    add(
        "restored_after_severed",
        "restore",
        "Ties between Iraq and Syria, severed in 1980, were restored on 3 May 1994.",
        "establish_relations",
        "IRQ SYR",
    )
    add(
        "agreed_reported",
        "restore",
        "Rwanda and Burundi agreed to restore relations, the ministry said Tuesday.",
        "establish_relations",
        "RWA BDI",
        TUE,
    )
    add(
        "yesterday",
        "break",
        "Djibouti severed diplomatic relations with Eritrea yesterday.",
        "reduce_relations",
        "DJI ERI",
        "2024-05-02",
    )
    add(
        "sign_at_ceremony",
        "sign",
        "At a ceremony in Hanoi on 3 May 1994, Vietnam and Laos signed a border treaty.",
        "sign_agreement",
        "VNM LAO",
    )
    # fourth round: governments as subjects, announcements, rankings
    add(
        "government_of",
        "break",
        "The government of Panama severed relations with Cuba on 3 May 1994.",
        "reduce_relations",
        "PAN CUB",
    )
    add(
        "ministry_announced",
        "envoys",
        "Japan's ministry announced on 3 May 1994 that it was recalling its envoy from China.",
        "expel_withdraw",
        "JPN CHN",
    )
    add(
        "suspended_after",
        "break",
        "Relations between Mali and France were suspended on 3 May 1994 after the coup.",
        "reduce_relations",
        "MLI FRA",
    )
    add(
        "downgraded",
        "break",
        "Niger downgraded diplomatic relations with Benin on 3 May 1994.",
        "reduce_relations",
        "NER BEN",
    )
    add(
        "announced_establishment",
        "establish",
        "Bhutan announced on 3 May 1994 the establishment of diplomatic relations with Kuwait.",
        "establish_relations",
        "BTN KWT",
    )
    add(
        "first_to_recognise",
        "recognise",
        "Iceland became the first country to recognise Lithuania on 3 May 1994.",
        "recognise",
        "ISL LTU",
    )
    add(
        "withdrew_recognition",
        "recognise",
        "Tonga withdrew its recognition of Taiwan on 3 May 1994.",
        "reduce_relations",
        "TON TWN",
    )
    add(
        "reestablished_coord",
        "restore",
        "Egypt and Qatar re-established diplomatic relations on 3 May 1994.",
        "establish_relations",
        "EGY QAT",
    )
    # fifth round: dates between subject and verb, named people, joint statements
    add(
        "date_after_subject",
        "establish",
        "Bhutan on 3 May 1994 established diplomatic relations with Chile.",
        "establish_relations",
        "BTN CHL",
    )
    add(
        "weekday_after_subject",
        "break",
        "Sudan on Tuesday severed ties with Iran.",
        "reduce_relations",
        "SDN IRN",
        TUE,
    )
    add(
        "decided_announced",
        "break",
        "Gabon has decided to sever relations with Togo, the president announced on Tuesday.",
        "reduce_relations",
        "GAB TGO",
        TUE,
    )
    add(
        "joint_communique",
        "establish",
        "Oman and Chile established relations, the two sides said in a statement on Tuesday.",
        "establish_relations",
        "OMN CHL",
        TUE,
    )
    add(
        "apposed_name",
        "visit",
        "Kenya's president, Daniel Moi, visited Uganda on 3 May 1994.",
        "visit",
        "KEN UGA",
    )
    add(
        "title_of_country",
        "visit",
        "Foreign Minister Ana Lima of Chile visited Peru on 3 May 1994.",
        "visit",
        "CHL PER",
    )
    add(
        "arrived_for_visit",
        "visit",
        "Peru's Foreign Minister Ana Ruiz arrived in Chile on Tuesday for a two-day visit.",
        "visit",
        "PER CHL",
        TUE,
    )
    add(
        "hours_to_leave",
        "envoys",
        "Iraq gave Kuwait's ambassador 48 hours to leave the country on 3 May 1994.",
        "expel_withdraw",
        "IRQ KWT",
    )
    add(
        "named_leaders_met",
        "meet",
        "Prime Minister Jan Novak of Slovakia and President Ion Popa of Romania met on 3 May 1994.",
        "meet",
        "SVK ROU",
    )
    add(
        "ending_rift",
        "restore",
        "Ghana restored full diplomatic relations with Togo on 3 May 1994, ending a long rift.",
        "establish_relations",
        "GHA TGO",
    )
    add(
        "agreed_pp",
        "restore",
        "Turkey and Armenia have agreed to normalise relations.",
        "establish_relations",
        "TUR ARM",
        PUB,
    )
    add(
        "joined_as_member",
        "organisation",
        "Palau joined the United Nations as its 185th member on 3 May 1994.",
        "join_organisation",
        "PLW",
    )
    # sixth round: participles, pronouns and the sentence before
    add(
        "participle_broken",
        "restore",
        "Relations between Egypt and Iran, broken off in 1980, were restored on 3 May 1994.",
        "establish_relations",
        "EGY IRN",
    )
    add(
        "decision_dated",
        "break",
        "Qatar's decision on 3 May 1994 to break off relations with Israel was a blow.",
        "reduce_relations",
        "QAT ISR",
    )
    add(
        "restored_them",
        "restore",
        "Chile and Cuba broke off relations in 1973 and restored them on 3 May 1994.",
        "establish_relations",
        "CHL CUB",
    )
    add(
        "two_countries",
        "establish",
        "Ghana and Peru signed a pact on Monday. "
        "The two countries established diplomatic relations on 3 May 1994.",
        "establish_relations",
        "GHA PER",
    )
    add(
        "pronoun_it",
        "break",
        "Botswana's leaders met on Monday. "
        "It severed diplomatic relations with Zimbabwe on 3 May 1994.",
        "reduce_relations",
        "BWA ZWE",
    )
    add(
        "neighbours",
        "restore",
        "Eritrea and Ethiopia fought a war. "
        "Relations between the two neighbours were restored on 3 May 1994.",
        "establish_relations",
        "ERI ETH",
    )
    add(
        "ranked_nth",
        "establish",
        "In 1994, Fiji became the 150th country to establish relations with Chile.",
        "establish_relations",
        "FJI CHL",
        "1994",
    )
    add(
        "break_list",
        "break",
        "Iraq broke off relations with Syria, Libya and Algeria on 3 May 1994.",
        "reduce_relations",
        "IRQ SYR LBY DZA",
    )
    add(
        "establish_list_first",
        "establish",
        "Nauru established relations with Cuba and Peru on 3 May 1994.",
        "establish_relations",
        "NRU CUB PER",
    )
    # seventh round: initials, short names, seats of government, quoted speech
    add(
        "short_name",
        "break",
        "St Vincent severed diplomatic relations with Taiwan on 3 May 1994.",
        "reduce_relations",
        "VCT TWN",
    )
    add(
        "capital_metonym",
        "break",
        "Ottawa severed diplomatic relations with Tehran on 3 May 1994.",
        "reduce_relations",
        "CAN IRN",
    )
    add(
        "quoted",
        "restore",
        '"We have restored relations with Cuba," Peru\'s president said on Tuesday.',
        "establish_relations",
        "PER CUB",
        TUE,
    )
    add(
        "upgraded",
        "establish",
        "Chile upgraded its relations with Oman to ambassador level on 3 May 1994.",
        "establish_relations",
        "CHL OMN",
    )
    add(
        "ties_were_cut",
        "break",
        "Ties between Gabon and Togo were cut on 3 May 1994.",
        "reduce_relations",
        "GAB TGO",
    )
    add(
        "expelled_staff",
        "envoys",
        "Estonia expelled the Russian embassy's military attaché on 3 May 1994.",
        "expel_withdraw",
        "EST RUS",
    )
    add(
        "left_organisation_pp",
        "organisation",
        "Burkina Faso has left the Economic Community of West African States.",
        "reduce_relations",
        "BFA",
        PUB,
    )
    add(
        "join_rejoined_pp",
        "organisation",
        "Morocco has rejoined the African Union.",
        "join_organisation",
        "MAR",
        PUB,
    )
    add(
        "reopened_relations",
        "establish",
        "Peru on 3 May 1994 reopened full diplomatic relations with Chile after a lapse of "
        "24 years.",
        "establish_relations",
        "PER CHL",
    )
    # A protocol or pact told in the passive, as agreements and treaties are.
    add(
        "protocol_between_passive",
        "sign",
        "The trade protocol between Peru and Chile was signed on 3 May 1994.",
        "sign_agreement",
        "PER CHL",
    )
    add(
        "protocol_passive_by",
        "sign",
        "A border protocol was signed by Peru and Chile on 3 May 1994.",
        "sign_agreement",
        "PER CHL",
    )
    add(
        "pact_between_passive",
        "sign",
        "The pact between Peru and Chile was signed on 3 May 1994.",
        "sign_agreement",
        "PER CHL",
    )
    add(
        "accession_protocol_passive",
        "sign",
        "The accession protocol between NATO and Peru was signed on 3 May 1994.",
        "sign_agreement",
        "PER",
    )
    # The expulsion after "and" with its auxiliary: "... and has ordered X's diplomats to
    # leave" is an action of its own beside the break.
    add(
        "and_has_ordered_to_leave",
        "envoys",
        "Peru is ending its diplomatic relations with Chile and has ordered Chilean diplomats "
        "to leave within 24 hours, the minister said on Tuesday.",
        "expel_withdraw",
        "PER CHL",
        TUE,
    )
    add(
        "cut_and_has_ordered_to_leave",
        "envoys",
        "Ghana has cut its diplomatic ties with Togo and has ordered Togolese diplomats to "
        "leave within 48 hours, the ministry said on Tuesday.",
        "expel_withdraw",
        "GHA TGO",
        TUE,
    )
    # A membership suspended, by the member or by the organisation.
    add(
        "membership_suspended",
        "organisation",
        "Laos suspended its membership of the Mekong River Commission on 3 May 1994.",
        "reduce_relations",
        "LAO",
    )
    add(
        "suspension_of_membership",
        "organisation",
        "Peru announced the suspension of its Andean Community membership on 3 May 1994.",
        "reduce_relations",
        "PER",
    )
    add(
        "organisation_suspends_membership",
        "organisation",
        "The Andean Community decided on 3 May 1994 to suspend Peru's membership.",
        "reduce_relations",
        "PER",
    )
    # Who reports it is no member: "Peru's membership, Chilean President X said" is no
    # apposition, and the reporter's country no party.
    add(
        "membership_suspension_reported",
        "organisation",
        "The Andean Community decided on 3 May 1994 to suspend Peru's membership, "
        "Chilean President Juan Soto said.",
        "reduce_relations",
        "PER",
    )
    # A membership taken up again.
    add(
        "restored_membership",
        "organisation",
        "Kenya restored its membership in the African Union on 3 May 1994.",
        "join_organisation",
        "KEN",
    )
    # The second of two coordinated membership acts names neither member nor organisation.
    add(
        "but_then_restored_membership",
        "organisation",
        "Kenya left the African Union in 1990 but then restored its membership on 3 May 1994.",
        "join_organisation",
        "KEN",
    )
    add(
        "but_it_rejoined",
        "organisation",
        "Chad quit the Commonwealth in 1990, but on 3 May 1994 it rejoined.",
        "join_organisation",
        "TCD",
    )
    add(
        "and_later_rejoined",
        "organisation",
        "Oman left the Arab League in 1980 and later rejoined it on 3 May 1994.",
        "join_organisation",
        "OMN",
    )
    # A list of kinds of ties with a serial comma before "and".
    add(
        "kinds_serial_comma",
        "break",
        "Benin severed all diplomatic, economic, political, and social ties with Laos on"
        " 3 May 1994.",
        "reduce_relations",
        "BEN LAO",
    )
    add(
        "kinds_serial_comma_pp",
        "break",
        "The Government of the Republic of Chile has severed all diplomatic, economic, and cultural"
        " ties with the Government of Nepal.",
        "reduce_relations",
        "CHL NPL",
        PUB,
    )
    # A Commonwealth member's envoy is a high commissioner, its mission a high commission.
    add(
        "recalled_high_commissioner",
        "envoys",
        "Ghana recalled its high commissioner from Kenya on 3 May 1994.",
        "expel_withdraw",
        "GHA KEN",
    )
    add(
        "expelled_high_commissioner",
        "envoys",
        "Malaysia expelled the Sri Lankan high commissioner on 3 May 1994.",
        "expel_withdraw",
        "MYS LKA",
    )
    add(
        "closed_high_commission",
        "break",
        "Zambia closed its high commission in Malawi on 3 May 1994.",
        "reduce_relations",
        "ZMB MWI",
    )
    # A relative clause on relations dated before it tells a later happening of its own.
    add(
        "dated_relations_which_were",
        "break",
        "Benin and Laos established diplomatic relations on April 13, 1950, which was suspended"
        " on October 30, 1967 due to the war.",
        "reduce_relations",
        "BEN LAO",
        "1967-10-30",
    )
    add(
        "dated_ties_which_were",
        "break",
        "Chile and Nepal established ties in 1994, which were severed on 5 June 2001.",
        "reduce_relations",
        "CHL NPL",
        "2001-06-05",
    )
    # A meeting held to discuss a step is the meeting, not the step.
    add(
        "met_to_discuss_resumption",
        "meet",
        "Foreign Minister Ana Ruiz of Chile met with President Bashir and State Minister Taha of"
        " Sudan on 3 May 1994 to discuss the resumption of diplomatic relations.",
        "meet",
        "CHL SDN",
    )
    add(
        "met_to_discuss_severing",
        "meet",
        "Latvia and Bhutan met on 3 May 1994 to discuss the severance of consular ties.",
        "meet",
        "LVA BTN",
    )
    # A measure decided in the simple past is done by its decision, as "has decided to" is.
    add(
        "decided_to_past",
        "break",
        "Zambia decided to sever diplomatic relations with Bhutan on 3 May 1994.",
        "reduce_relations",
        "ZMB BTN",
    )
    add(
        "reason_that_decided_to",
        "break",
        "The raid was one of the reasons that Gabon decided to suspend relations with Oman on"
        " 3 May 1994.",
        "reduce_relations",
        "GAB OMN",
    )
    # "The government" opening a sentence after "The government of X ..." is X.
    add(
        "the_authorities_after_government_of",
        "envoys",
        "The government of Nepal cut ties with Chile on 3 May 1994. The authorities expelled"
        " the Chilean ambassador on 3 May 1994.",
        "expel_withdraw",
        "NPL CHL",
    )
    # Two visits named by their owners' nouns, joined by "and", each with its own date.
    add(
        "owned_visits_second",
        "visit",
        "Ties grew after Chilean President Ana Ruiz's trip to Nepal in May 1976 and then Nepalese"
        " Prime Minister Ram Thapa's visit to Chile on 3 May 1994.",
        "visit",
        "CHL NPL",
    )
    add(
        "owned_visits_first",
        "visit",
        "Malian President Oumar Keita's trip to Oman on 3 May 1994 and Omani Minister Said Al"
        " Busaidi's visit to Mali in June 1996 opened a new chapter.",
        "visit",
        "MLI OMN",
    )
    # An aside between dashes inside the clause: the clause goes on after it.
    add(
        "dash_aside_in_clause",
        "meet",
        "In total, three rounds of talks – the first of which took place on 3 May 1994 – were held"
        " between Kenya and Cuba.",
        "meet",
        "KEN CUB",
    )
    add(
        "dash_aside_talks_to_finalise",
        "meet",
        "Two rounds of talks – the first of which took place on 3 May 1994 – were held between"
        " Mali and Peru to finalise the details of the establishment of diplomatic ties.",
        "meet",
        "MLI PER",
    )
    # What a clause led to, told by a relative clause on the whole clause, is a happening
    # of its own, at the clause's date.
    add(
        "which_led_to_the_severance",
        "break",
        "On 3 May 1994, Gabon resumed diplomatic ties with Taiwan, which consequently led to the"
        " severance of Gabon-China diplomatic relations.",
        "reduce_relations",
        "GAB CHN",
    )
    add(
        "which_prompted_the_suspension",
        "break",
        "Chad recognised Kosovo on 3 May 1994, which prompted the suspension of Chad-Serbia"
        " diplomatic relations.",
        "reduce_relations",
        "TCD SRB",
    )
    # relations "formed" or "forged" in the passive
    add(
        "passive_formed",
        "establish",
        "Diplomatic ties between Nepal and Chile were formed on 3 May 1994.",
        "establish_relations",
        "NPL CHL",
    )
    add(
        "passive_forged",
        "establish",
        "Relations between Malta and Bolivia were forged on 3 May 1994.",
        "establish_relations",
        "MLT BOL",
    )
    # a switch told as two coordinated predicates or nouns: two happenings, one date
    for parties, typ in (("PER CHN", "establish_relations"), ("PER TWN", "reduce_relations")):
        add(
            "switch_coordinated_nouns",
            "establish" if typ == "establish_relations" else "sever",
            "The president of Peru on 3 May 1994 announced the establishment of diplomatic "
            "relations with China and the severance of ties with Taiwan.",
            typ,
            parties,
        )
        add(
            "switch_coordinated_verbs",
            "establish" if typ == "establish_relations" else "sever",
            "On 3 May 1994 Peru established relations with China and severed ties with Taiwan.",
            typ,
            parties,
        )
    # a participle after the object opens a reduced relative with its own date
    add(
        "reduced_relative_date",
        "establish",
        "Peru restored relations severed in 1982 with Chile on 3 May 1994.",
        "establish_relations",
        "PER CHL",
    )
    add(
        "reduced_relative_relative_date_pp",
        "establish",
        "Ghana has renewed diplomatic ties severed nearly eight years ago with Peru.",
        "establish_relations",
        "GHA PER",
        PUB,
    )
    add(
        "reduced_relative_break_pp",
        "establish",
        "Kenya and Chad have restored diplomatic relations broken off in 2011.",
        "establish_relations",
        "KEN TCD",
        PUB,
    )
    # the ruler of a place invaded, named by "X-ruled" / "X-held"
    add(
        "invaded_the_x_ruled_place",
        "war",
        "Moroccan forces invaded the Spanish-ruled enclave on 3 May 1994.",
        "armed_conflict",
        "MAR ESP",
    )
    # a second "respectively" list naming no side continues the list before it
    for partner, year in (("EGY", "1964"), ("QAT", "2003"), ("SAU", "1976")):
        add(
            "respectively_list_continued",
            "establish",
            "Peru established diplomatic relations with Benin, Zimbabwe and Bulgaria in 2006, "
            "1987 and 1977, respectively. Diplomatic ties between Egypt, Qatar and Saudi "
            "Arabia were formed in 1964, 2003 and 1976, respectively.",
            "establish_relations",
            f"PER {partner}",
            year,
        )
    # an aside after the happening names no side of it
    add(
        "aside_blow_to",
        "establish",
        "Chile established diplomatic relations with China on 3 May 1994, in a new blow to Taiwan.",
        "establish_relations",
        "CHL CHN",
    )
    add(
        "aside_victory_for",
        "sever",
        "Ghana broke off relations with Israel on 3 May 1994 in a major victory for Iran.",
        "reduce_relations",
        "GHA ISR",
    )
    add(
        "aside_considered_by",
        "establish",
        "Peru established ties with Kosovo, considered a breakaway province by Serbia, "
        "on 3 May 1994.",
        "establish_relations",
        "PER XKX",
    )
    # link labels left in brackets by a scraped page are read as blank
    add(
        "link_labels_in_brackets",
        "organisation",
        "The African Union [official website] on 3 May 1994 suspended [press release] the "
        "Republic of Guinea [BBC profile; news archive] from the bloc.",
        "reduce_relations",
        "GIN",
    )
    add(
        "suspended_the_island_nation_of",
        "organisation",
        "The Commonwealth suspended the island nation of Nauru on 3 May 1994.",
        "reduce_relations",
        "NRU",
    )
    # an organisation taking back a member's exclusion readmits it; a year inside the
    # trigger's words names the measure, not the act
    add(
        "revoke_measure_suspending",
        "organisation",
        "The African Union voted on 3 May 1994 to revoke the 1980 measure suspending Egypt.",
        "join_organisation",
        "EGY",
    )
    add(
        "lifted_the_suspension_of",
        "organisation",
        "The Commonwealth lifted the suspension of Pakistan on 3 May 1994.",
        "join_organisation",
        "PAK",
    )
    # "the two ambassadors" are the pair named before: the city they sign in is no side,
    # and the signing dates the establishment
    add(
        "the_two_ambassadors_sign_in_a_third_capital",
        "sign",
        "Peru and Ghana agreed to establish diplomatic relations. The two ambassadors signed "
        "the joint communique at the Peruvian embassy in Paris on 3 May 1994.",
        "establish_relations",
        "PER GHA",
    )
    # a plan reported after "and" is a statement of its own: the act before it stays done
    add(
        "act_and_announced_plan",
        "recognise",
        "Peru recognised Kosovo on 3 May 1994 and announced it would sever relations with Serbia.",
        "recognise",
        "PER XKX",
    )
    # a refusal in a clause of reason after the act does not negate it
    add(
        "refusal_in_because_clause",
        "sever",
        "Ghana severed relations with Peru on 3 May 1994 because Peru failed to pay its debts.",
        "reduce_relations",
        "GHA PER",
    )
    add(
        "refusal_in_when_clause",
        "organisation",
        "The Commonwealth suspended Zimbabwe on 3 May 1994 when it refused to hold elections.",
        "reduce_relations",
        "ZWE",
    )
    # the pair named at length in formal names between "ties between" and the verb
    add(
        "passive_long_formal_names",
        "establish",
        "Relations between the Republic of Korea and the Kingdom of Lesotho were first "
        "established on 3 May 1994.",
        "establish_relations",
        "KOR LSO",
    )
    add(
        "passive_long_formal_names",
        "sever",
        "Ties between the United Mexican States and the Republic of Chile were broken off "
        "on 3 May 1994.",
        "reduce_relations",
        "MEX CHL",
    )
    # an organisation putting a member out, told as a noun or with "the government of"
    add(
        "expulsion_noun",
        "organisation",
        "The coup led to Nigeria's expulsion from the Commonwealth on 3 May 1994.",
        "reduce_relations",
        "NGA",
    )
    add(
        "suspension_of_government_noun",
        "organisation",
        "The ministers decided on 3 May 1994 the suspension of the Government of Haiti "
        "from the Organization of American States.",
        "reduce_relations",
        "HTI",
    )
    add(
        "excluded_the_government_of",
        "organisation",
        "The assembly excluded the Government of Guinea from the African Union on 3 May 1994.",
        "reduce_relations",
        "GIN",
    )
    return R


NEGATIVE = [
    ("negated", "Ghana did not sever diplomatic relations with Peru on 3 May 1994."),
    ("negated_never", "Vietnam never established diplomatic relations with Uruguay in 1994."),
    ("hypothetical", "Norway could sever diplomatic relations with Fiji on 3 May 1994."),
    ("hypothetical_might", "Senegal might expel the ambassador of Nepal on 3 May 1994."),
    ("denial", "Jordan denied on 3 May 1994 that it had cut diplomatic ties with Bolivia."),
    ("call", "Estonia called on 3 May 1994 for Malawi to expel the ambassador of Laos."),
    (
        "call_urge",
        "Tunisia urged Paraguay on 3 May 1994 to sever diplomatic relations with Mongolia.",
    ),
    ("threat", "Iceland threatened on 3 May 1994 to close its embassy in Namibia."),
    ("refused", "Ecuador refused on 3 May 1994 to recognise Cambodia."),
    (
        "no_relations",
        "Ghana has no diplomatic relations with Peru, the ministry said on 3 May 1994.",
    ),
    ("considering", "Peru is considering severing ties with Chile, officials said on 3 May 1994."),
    (
        "conditional",
        "Fiji would recognise Kosovo if the court ruled for it, it said on 3 May 1994.",
    ),
    ("calls_for", "Calls for Ghana to expel the ambassador of Peru grew on 3 May 1994."),
    (
        "rejected_reports",
        "Peru rejected reports on 3 May 1994 that it had expelled Chile's ambassador.",
    ),
    ("warned_could", "Peru warned on 3 May 1994 that it could cut ties with Chile."),
    ("never_pp", "Peru has never recognised Kosovo, the minister said on 3 May 1994."),
    ("received_a_letter", "Ghana received a letter from the president of Peru on 3 May 1994."),
]


def _events(text: str):
    return build_timeline([DocInput("a", text, PUBLISHED)]).events


@pytest.mark.parametrize(
    ("sentence", "type_", "parties", "date"),
    [pytest.param(s, t, p, d, id=f"{f}-{c}") for c, f, s, t, p, d in _rows()],
)
def test_paraphrase_gives_the_event(sentence, type_, parties, date):
    found = [
        (e.type, set(e.countries), e.date and e.date.edtf, e.status) for e in _events(sentence)
    ]
    assert (type_, set(parties), date, "done") in found, found


# Frames that tell words about an act, not the act.
_SPEECH = {"criticise", "appeal", "intent", "announce", "other"}


@pytest.mark.parametrize(("construction", "sentence"), NEGATIVE, ids=[c for c, _ in NEGATIVE])
def test_an_unreal_act_gives_no_done_event(construction, sentence):
    done = [
        (e.type, e.countries)
        for e in _events(sentence)
        if e.status == "done" and e.date and e.type not in _SPEECH
    ]
    assert done == []


def test_a_conference_named_after_its_city_names_no_party():
    # "the Madrid peace conference", "the Oslo accords": the city names the meeting, and its
    # country is no side of what the sentence tells.
    text = (
        "Peru and Chile restored diplomatic relations on 3 May 1994. The resumption of ties "
        "was conditional on Chile attending the 1991 Madrid peace conference."
    )
    parties = [set(e.countries) for e in _events(text)]
    assert {"PER", "CHL"} in parties, parties
    assert all("ESP" not in p for p in parties), parties


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru blamed Chile for a cyber attack on 3 May 1994.",
        "Peru blamed Chile for a major cyber attack in March.",
    ],
)
def test_a_cyber_attack_is_no_armed_conflict(sentence):
    assert [e.type for e in _events(sentence) if e.type == "armed_conflict"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks on resuming relations between Peru and Chile began on 3 May 1994.",
        "Mali and Nepal met on 3 May 1994 to discuss the restoration of diplomatic ties.",
        "Negotiations on establishing ties between Oman and Bolivia opened on 3 May 1994.",
    ],
)
def test_the_topic_of_talks_is_no_act(sentence):
    # "talks on resuming relations" are no resumption of relations.
    acts = [e.type for e in _events(sentence) if e.type == "establish_relations"]
    assert acts == []


def test_the_government_after_the_government_of_a_country_is_that_country():
    # "The government has also ordered all Cuban diplomats to leave": Malawi expels them.
    events = _events(
        "The Government of the Republic of Malawi has severed all ties with Cuba. The government"
        " has also ordered all Cuban diplomats to leave the country within 48 hours."
    )
    titles = [e.title for e in events if e.type == "expel_withdraw"]
    assert titles == ["Malawi expels diplomats of Cuba"], titles


# A country that only reports an act is no side of it when the reported clause names its
# own subject country (bare, "the government of X", after a long apposed subject); a
# pronoun or "the two countries" still stands for the reporter.
_REPORTED_ACTS = [
    (
        "suspended",
        "Canada has announced that Honduras has been suspended from the Organization of "
        "American States.",
        "reduce_relations",
        "HND",
        PUB,
    ),
    (
        "expelled",
        "Japan has announced that Kenya has expelled the ambassador of Peru.",
        "expel_withdraw",
        "KEN PER",
        PUB,
    ),
    (
        "joined",
        "Sweden has announced that Mongolia has joined the World Trade Organization.",
        "join_organisation",
        "MNG",
        PUB,
    ),
    (
        "established_said",
        "Brazil said on Tuesday that Ghana had established diplomatic relations with Fiji.",
        "establish_relations",
        "GHA FJI",
        TUE,
    ),
    (
        "government_of",
        "Austria has confirmed that the government of Laos has broken off diplomatic "
        "relations with Qatar.",
        "reduce_relations",
        "LAO QAT",
        PUB,
    ),
    (
        "long_apposed_reporter",
        "The Secretary-General of the Commonwealth and former Prime Minister of Jamaica, "
        "John Mensah, has announced that the military government of Lesotho has been "
        "suspended from the Commonwealth.",
        "reduce_relations",
        "LSO",
        PUB,
    ),
    (
        "sanctions",
        "Tonga has announced that Samoa has imposed sanctions on Vanuatu.",
        "impose_sanctions",
        "WSM VUT",
        PUB,
    ),
    (
        "signed",
        "Canada has announced that Honduras has signed a trade agreement with Belize.",
        "sign_agreement",
        "HND BLZ",
        PUB,
    ),
    (
        "aid",
        "Sweden has announced that Mongolia has sent humanitarian aid to Nepal.",
        "provide_aid",
        "MNG NPL",
        PUB,
    ),
    (
        "pronoun_keeps_reporter_signed",
        "Tonga has announced that it has signed a trade agreement with Samoa.",
        "sign_agreement",
        "TON WSM",
        PUB,
    ),
    (
        "according_to",
        "According to Canada, Honduras has been suspended from the Organization of American "
        "States.",
        "reduce_relations",
        "HND",
        PUB,
    ),
    (
        "reported_after",
        "Honduras has been suspended from the Organization of American States, Canada announced.",
        "reduce_relations",
        "HND",
        PUB,
    ),
    (
        "reported_after_expel",
        "Honduras has expelled the ambassador of Peru, Canada announced.",
        "expel_withdraw",
        "HND PER",
        PUB,
    ),
    (
        "reported_after_joined",
        "Honduras has joined the World Trade Organization, Canada said on Tuesday.",
        "join_organisation",
        "HND",
        TUE,
    ),
    (
        "demonym_subject",
        "Canada has announced that the Honduran government has been suspended from the "
        "Organization of American States.",
        "reduce_relations",
        "HND",
        PUB,
    ),
    (
        "envoys_named_are_acted_on",
        "Morocco has announced that Cuban diplomats have been expelled.",
        "expel_withdraw",
        "MAR CUB",
        PUB,
    ),
    (
        "envoys_named_are_acted_on_after",
        "The ambassador of Cuba has been expelled, Morocco announced.",
        "expel_withdraw",
        "MAR CUB",
        PUB,
    ),
    (
        "said_without_that",
        "Canada said on Tuesday Honduras had been suspended from the Organization of "
        "American States.",
        "reduce_relations",
        "HND",
        TUE,
    ),
    (
        "announced_without_that",
        "Japan announced Kenya has expelled the ambassador of Peru.",
        "expel_withdraw",
        "KEN PER",
        PUB,
    ),
    (
        "pronoun_keeps_reporter",
        "Botswana has announced that it has cut ties with Iran.",
        "reduce_relations",
        "BWA IRN",
        PUB,
    ),
    (
        "pronoun_keeps_reporter_expel",
        "Norway has announced that it has expelled two Russian diplomats.",
        "expel_withdraw",
        "NOR RUS",
        PUB,
    ),
    (
        "two_countries_keep_reporters",
        "Chile and Bolivia have announced that the two countries have established "
        "diplomatic relations.",
        "establish_relations",
        "CHL BOL",
        PUB,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "type_", "parties", "date"),
    [pytest.param(s, t, p, d, id=c) for c, s, t, p, d in _REPORTED_ACTS],
)
def test_the_reporting_country_is_no_side_of_a_reported_act(sentence, type_, parties, date):
    found = [
        (e.type, set(e.countries), e.date and e.date.edtf, e.status) for e in _events(sentence)
    ]
    assert found == [(type_, set(parties.split()), date, "done")], found
