"""Country mentions: names, short names, demonyms and capitals -> ISO 3166 alpha-3.

The table below (name variants | demonyms | capitals) is general knowledge,
derived once from the countryinfo data set; pycountry adds its official and
common names at import time. Matching is case-sensitive on capitalised forms,
longest first, so "Papua New Guinea" never yields "Guinea" and "North Korea"
never yields "Korea".
"""

# ruff: noqa: E501  (the country table below is data, one country a line)

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

import pycountry

from .types import COUNTRY, Mention, Sentence

# ISO3 | names (;) | demonyms (;) | capitals (;)
_TABLE = """\
AFG|Afghanistan;Islamic Republic of Afghanistan|Afghan|Kabul
AGO|Angola;Republic of Angola|Angolan|Luanda
ALB|Albania;Shqipnia;Republic of Albania|Albanian|Tirana
AND|Andorra;Principality of Andorra;Principat d'Andorra|Andorran|Andorra la Vella
ARE|United Arab Emirates|Emirati|Abu Dhabi
ARG|Argentina;Argentine Republic|Argentinean|Buenos Aires
ARM|Armenia;Hayastan;Republic of Armenia|Armenian|Yerevan
ATG|Antigua and Barbuda|Antiguan;Barbudan|
AUS|Australia|Australian|Canberra
AUT|Austria;Osterreich;Oesterreich;Republic of Austria|Austrian|Vienna
AZE|Azerbaijan;Republic of Azerbaijan|Azerbaijani|Baku
BDI|Burundi;Republic of Burundi;Republika y'Uburundi|Burundian|Bujumbura
BEL|Belgium;Belgie;Belgien;Belgique;Kingdom of Belgium;Royaume de Belgique|Belgian|Brussels
BEN|Benin;Republic of Benin|Beninese|Porto-Novo
BFA|Burkina Faso|Burkinabe|Ouagadougou
BGD|Bangladesh;People's Republic of Bangladesh|Bangladeshi|Dhaka
BGR|Bulgaria;Republic of Bulgaria|Bulgarian|Sofia
BHR|Bahrain;Kingdom of Bahrain|Bahraini|Manama
BHS|The Bahamas;Commonwealth of the Bahamas;Bahamas|Bahamian|Nassau
BIH|Bosnia and Herzegovina;Bosnia-Herzegovina;Republic of Bosnia and Herzegovina|Bosnian;Herzegovinian|Sarajevo
BLR|Belarus;Republic of Belarus;Belorussiya|Belarusian|Minsk
BLZ|Belize|Belizean|Belmopan
BOL|Bolivia;Buliwya;Wuliwya;Plurinational State of Bolivia;Estado Plurinacional de Bolivia;Buliwya Mamallaqta;Wuliwya Suyu|Bolivian|Sucre
BRA|Brazil;Brasil;Federative Republic of Brazil|Brazilian|Brasília
BRB|Barbados|Barbadian|Bridgetown
BRN|Brunei;Nation of Brunei; the Abode of Peace;Brunei Darussalam|Bruneian|Bandar Seri Begawan
BTN|Bhutan;Kingdom of Bhutan|Bhutanese|Thimphu
BWA|Botswana;Republic of Botswana;Lefatshe la Botswana|Motswana|Gaborone
CAF|Central African Republic|Central African|Bangui
CAN|Canada|Canadian|Ottawa
CHE|Switzerland;Swiss Confederation;Schweiz;Suisse;Svizzera;Svizra|Swiss|Bern
CHL|Chile;Republic of Chile|Chilean|Santiago
CHN|China;Zhongguo;Zhonghua;People's Republic of China|Chinese|Beijing
CIV|Ivory Coast|Ivorian|Yamoussoukro
CMR|Cameroon;Republic of Cameroon|Cameroonian|Yaoundé
COD|Democratic Republic of the Congo;DR Congo;Congo-Kinshasa|Congolese|Kinshasa
COG|Republic of the Congo;Congo-Brazzaville;Congo|Congolese|Brazzaville
COK|Cook Islands|Cook Islander|Avarua
COL|Colombia;Republic of Colombia|Colombian|Bogotá
COM|Comoros;Union of the Comoros;Union des Comores;Udzima wa Komori|Comoran|Moroni
CPV|Cape Verde;Republic of Cabo Verde;Cabo Verde|Cape Verdian|Praia
CRI|Costa Rica;Republic of Costa Rica|Costa Rican|San José
CUB|Cuba;Republic of Cuba|Cuban|Havana
CYP|Cyprus;Republic of Cyprus|Cypriot|Nicosia
CZE|Czech Republic;Czechia|Czech|Prague
DEU|Germany;Federal Republic of Germany;Bundesrepublik Deutschland|German|Berlin
DJI|Djibouti;Jabuuti;Gabuuti;Republic of Djibouti;Gabuutih Ummuuno;Jamhuuriyadda Jabuuti|Djibouti|Djibouti
DMA|Dominica;Dominique;Commonwealth of Dominica|Dominican|
DNK|Denmark;Danmark;Kingdom of Denmark;Kongeriget Danmark|Danish|Copenhagen
DOM|Dominican Republic|Dominican|Santo Domingo
DZA|Algeria;Dzayer;People's Democratic Republic of Algeria|Algerian|Algiers
ECU|Ecuador;Republic of Ecuador|Ecuadorean|Quito
EGY|Egypt;Arab Republic of Egypt|Egyptian|Cairo
ERI|Eritrea;State of Eritrea;the State of Eritrea|Eritrean|Asmara
ESP|Spain;Kingdom of Spain|Spanish|Madrid
EST|Estonia;Eesti;Republic of Estonia;Eesti Vabariik|Estonian|Tallinn
ETH|Ethiopia;Federal Democratic Republic of Ethiopia|Ethiopian|Addis Ababa
FIN|Finland;Suomi;Republic of Finland;Suomen tasavalta;Republiken Finland|Finnish|Helsinki
FJI|Fiji;Viti;Republic of Fiji;Matanitu ko Viti|Fijian|Suva
FRA|France;French Republic|French|Paris
FSM|Federated States of Micronesia|Micronesian|
GAB|Gabon;Gabonese Republic|Gabonese|Libreville
GBR|United Kingdom;Great Britain;United Kingdom of Great Britain and Northern Ireland|British|London
GEO|Georgia;Sakartvelo|Georgian|Tbilisi
GHA|Ghana;Republic of Ghana|Ghanaian|Accra
GIN|Guinea;Republic of Guinea|Guinean|Conakry
GMB|The Gambia;Republic of the Gambia;Gambia|Gambian|Banjul
GNB|Guinea-Bissau;Republic of Guinea-Bissau|Guinea-Bissauan|Bissau
GNQ|Equatorial Guinea;Republic of Equatorial Guinea|Equatorial Guinean|Malabo
GRC|Greece;Hellenic Republic|Greek|Athens
GRD|Grenada|Grenadian|St. George's
GTM|Guatemala;Republic of Guatemala|Guatemalan|Guatemala City
GUY|Guyana;Co-operative Republic of Guyana;Republic of Guyana|Guyanese|
HKG|Hong Kong|Chinese|City of Victoria
HND|Honduras;Republic of Honduras|Honduran|Tegucigalpa
HRV|Croatia;Hrvatska;Republic of Croatia;Republika Hrvatska|Croatian|Zagreb
HTI|Haiti;Republic of Haiti;Repiblik Ayiti|Haitian|Port-au-Prince
HUN|Hungary;Magyarorszag|Hungarian|Budapest
IDN|Indonesia;Republic of Indonesia;Republik Indonesia|Indonesian|Jakarta
IND|India;Republic of India;Bharat Ganrajya|Indian|New Delhi
IRL|Ireland;Republic of Ireland|Irish|Dublin
IRN|Iran;Islamic Republic of Iran|Iranian|Tehran
IRQ|Iraq;Republic of Iraq|Iraqi|Baghdad
ISL|Iceland;Island;Republic of Iceland|Icelander|Reykjavik
ISR|Israel;State of Israel|Israeli|Jerusalem
ITA|Italy;Italian Republic;Repubblica italiana|Italian|Rome
JAM|Jamaica|Jamaican|
JOR|Jordan;Hashemite Kingdom of Jordan|Jordanian|Amman
JPN|Japan;Nippon;Nihon|Japanese|Tokyo
KAZ|Kazakhstan;Qazaqstan;Republic of Kazakhstan;Respublika Kazakhstan|Kazakhstani|Nur-Sultan
KEN|Kenya;Republic of Kenya;Jamhuri ya Kenya|Kenyan|Nairobi
KGZ|Kyrgyzstan;Kyrgyz Republic;Kyrgyz Respublikasy|Kirghiz|Bishkek
KHM|Cambodia;Kingdom of Cambodia|Cambodian|Phnom Penh
KIR|Kiribati;Republic of Kiribati;Ribaberiki Kiribati|I-Kiribati|South Tarawa
KNA|Saint Kitts and Nevis;Federation of Saint Christopher and Nevis|Kittian and Nevisian|
KOR|South Korea;Republic of Korea|South Korean|Seoul
KWT|Kuwait;State of Kuwait;Dawlat al-Kuwait|Kuwaiti|Kuwait City
LAO|Laos;Lao People's Democratic Republic;Sathalanalat Paxathipatai Paxaxon Lao|Laotian|Vientiane
LBN|Lebanon;Lebanese Republic|Lebanese|Beirut
LBR|Liberia;Republic of Liberia|Liberian|Monrovia
LBY|Libya;State of Libya;Dawlat Libya|Libyan|Tripoli
LCA|Saint Lucia|Saint Lucian|
LIE|Liechtenstein;Principality of Liechtenstein|Liechtensteiner|Vaduz
LKA|Sri Lanka;Democratic Socialist Republic of Sri Lanka|Sri Lankan|Colombo
LSO|Lesotho;Kingdom of Lesotho;Muso oa Lesotho|Mosotho|Maseru
LTU|Lithuania;Republic of Lithuania;Lietuvos Respublika|Lithuanian|Vilnius
LUX|Luxembourg;Grand Duchy of Luxembourg|Luxembourger|Luxembourg
LVA|Latvia;Republic of Latvia;Latvijas Republika|Latvian|Riga
MAC|Macau;Macao Special Administrative Region of the People's Republic of China|Chinese|
MAR|Morocco;Kingdom of Morocco|Moroccan|Rabat
MCO|Monaco;Principality of Monaco|Monegasque|Monaco
MDA|Moldova;Republic of Moldova;Republica Moldova|Moldovan|Chișinău
MDG|Madagascar;Republic of Madagascar;Repoblikan'i Madagasikara|Malagasy|Antananarivo
MDV|Maldives;Maldive Islands;Republic of the Maldives;Dhivehi Raajjeyge Jumhooriyya;Republic of Maldives|Maldivan|Malé
MEX|Mexico;Mexicanos;United Mexican States;Estados Unidos Mexicanos|Mexican|Mexico City
MHL|Marshall Islands;Republic of the Marshall Islands|Marshallese|
MKD|Republic of Macedonia;North Macedonia|Macedonian|Skopje
MLI|Mali;Republic of Mali|Malian|Bamako
MLT|Malta;Republic of Malta;Repubblika ta' Malta|Maltese|Valletta
MMR|Myanmar;Republic of Myanmar|Burmese|Naypyidaw
MNE|Montenegro;Montenegrin|Montenegrin|Podgorica
MNG|Mongolia|Mongolian|Ulaanbaatar
MOZ|Mozambique;Republic of Mozambique|Mozambican|Maputo
MRT|Mauritania;Islamic Republic of Mauritania|Mauritanian|Nouakchott
MUS|Mauritius;Republic of Mauritius|Mauritian|Port Louis
MWI|Malawi;Republic of Malawi|Malawian|Lilongwe
MYS|Malaysia|Malaysian|Kuala Lumpur
NAM|Namibia;Republic of Namibia|Namibian|Windhoek
NER|Niger;Nijar;Republic of Niger;Republic of the Niger|Nigerien|Niamey
NGA|Nigeria;Nijeriya;Federal Republic of Nigeria|Nigerian|Abuja
NIC|Nicaragua;Republic of Nicaragua|Nicaraguan|Managua
NIU|Niue|Niuean|Alofi
NLD|Netherlands;Holland;Nederland;Kingdom of the Netherlands;The Netherlands|Dutch|Amsterdam
NOR|Norway;Norge;Noreg;Kingdom of Norway;Kongeriket Norge;Kongeriket Noreg|Norwegian|Oslo
NPL|Nepal;Federal Democratic Republic of Nepal|Nepalese|Kathmandu
NRU|Nauru;Naoero;Pleasant Island;Republic of Nauru;Ripublik Naoero|Nauruan|
NZL|New Zealand;Aotearoa|New Zealander|Wellington
OMN|Oman;Sultanate of Oman|Omani|Muscat
PAK|Pakistan;Islamic Republic of Pakistan|Pakistani|Islamabad
PAN|Panama;Republic of Panama|Panamanian|Panama City
PER|Peru;Republic of Peru|Peruvian|Lima
PHL|Philippines;Republic of the Philippines|Filipino|Manila
PLW|Palau;Republic of Palau;Beluu er a Belau|Palauan|Ngerulmud
PNG|Papua New Guinea;Independent State of Papua New Guinea;Independen Stet bilong Papua Niugini|Papua New Guinean|Port Moresby
POL|Poland;Republic of Poland;Rzeczpospolita Polska|Polish|Warsaw
PRK|North Korea;Democratic People's Republic of Korea|North Korean|Pyongyang
PRT|Portugal;Portuguesa;Portuguese Republic|Portuguese|Lisbon
PRY|Paraguay;Republic of Paraguay|Paraguayan|Asunción
PSE|Palestine;State of Palestine|Palestinian|Ramallah
QAT|Qatar;State of Qatar|Qatari|Doha
ROU|Romania;Rumania;Roumania|Romanian|Bucharest
RUS|Russia;Rossiya;Russian Federation;Rossiyskaya Federatsiya|Russian|Moscow;Kremlin
RWA|Rwanda;Republic of Rwanda;Repubulika y'u Rwanda;Rwandese Republic|Rwandan|Kigali
SAU|Saudi Arabia;Kingdom of Saudi Arabia|Saudi Arabian|Riyadh
SDN|Sudan;Republic of the Sudan|Sudanese|Khartoum
SEN|Senegal;Republic of Senegal|Senegalese|Dakar
SGP|Singapore;Singapura;Republik Singapura;Republic of Singapore|Singaporean|Singapore
SLB|Solomon Islands|Solomon Islander|Honiara
SLE|Sierra Leone;Republic of Sierra Leone|Sierra Leonean|Freetown
SLV|El Salvador;Republic of El Salvador|Salvadoran|San Salvador
SMR|San Marino;Republic of San Marino;Repubblica di San Marino|Sammarinese|City of San Marino
SOM|Somalia;Federal Republic of Somalia;Jamhuuriyadda Federaalka Soomaaliya|Somali|Mogadishu
SRB|Serbia;Srbija;Republic of Serbia;Republika Srbija|Serbian|Belgrade
SSD|South Sudan;Republic of South Sudan|South Sudanese|Juba
STP|São Tomé and Príncipe;Sao Tome and Principe;Democratic Republic of Sao Tome and Principe|Sao Tomean|São Tomé
SUR|Suriname;Sarnam;Sranangron;Republic of Suriname;Republiek Suriname|Surinamer|Paramaribo
SVK|Slovakia;Slovak Republic|Slovak|Bratislava
SVN|Slovenia;Republic of Slovenia;Republika Slovenija|Slovene|Ljubljana
SWE|Sweden;Kingdom of Sweden;Konungariket Sverige|Swedish|Stockholm
SWZ|Swaziland;weSwatini;Swatini;Ngwane;Kingdom of Swaziland;Umbuso waseSwatini;Eswatini;Kingdom of Eswatini|Swazi|Lobamba
SYC|Seychelles;Republic of Seychelles;Repiblik Sesel|Seychellois|
SYR|Syria;Syrian Arab Republic|Syrian|Damascus
TCD|Chad;Tchad;Republic of Chad|Chadian|N'Djamena
TGO|Togo;Togolese;Togolese Republic|Togolese|Lomé
THA|Thailand;Prathet;Thai;Kingdom of Thailand;Ratcha Anachak Thai|Thai|Bangkok
TJK|Tajikistan;Republic of Tajikistan|Tadzhik|Dushanbe
TKM|Turkmenistan|Turkmen|Ashgabat
TLS|East Timor;Democratic Republic of Timor-Leste;Timor-Leste|East Timorese|Dili
TON|Tonga;Kingdom of Tonga|Tongan|Nuku'alofa
TTO|Trinidad and Tobago;Republic of Trinidad and Tobago|Trinidadian|Port of Spain
TUN|Tunisia;Republic of Tunisia|Tunisian|Tunis
TUR|Turkey;Turkiye;Republic of Turkey|Turkish|Ankara
TUV|Tuvalu|Tuvaluan|
TWN|Taiwan;Republic of China|Taiwanese|Taipei
TZA|Tanzania;United Republic of Tanzania;Jamhuri ya Muungano wa Tanzania|Tanzanian|Dodoma
UGA|Uganda;Republic of Uganda;Jamhuri ya Uganda|Ugandan|Kampala
UKR|Ukraine;Ukrayina|Ukrainian|Kyiv
URY|Uruguay;Oriental Republic of Uruguay;Eastern Republic of Uruguay|Uruguayan|Montevideo
USA|United States;United States of America|American|Washington;Washington, D.C.
UZB|Uzbekistan;Republic of Uzbekistan|Uzbekistani|Tashkent
VAT|Vatican City State|Vaticanian|Vatican City
VCT|Saint Vincent and the Grenadines;St. Vincent and the Grenadines|Saint Vincentian|
VEN|Venezuela;Bolivarian Republic of Venezuela|Venezuelan|Caracas
VNM|Vietnam;Socialist Republic of Vietnam;Viet Nam;Socialist Republic of Viet Nam|Vietnamese|Hanoi
VUT|Vanuatu;Republic of Vanuatu;Ripablik blong Vanuatu|Ni-Vanuatu|Port Vila
WSM|Samoa;Independent State of Samoa|Samoan|Apia
YEM|Yemen;Yemeni Republic;Republic of Yemen|Yemeni|Sana'a
ZAF|South Africa;Suid-Afrika;Republic of South Africa|South African|Pretoria
ZMB|Zambia;Republic of Zambia|Zambian|Lusaka
ZWE|Zimbabwe;Republic of Zimbabwe|Zimbabwean|Harare
"""

# Everyday short forms that the table above does not carry.
_EXTRA_NAMES = {
    "USA": ["US", "U.S.", "U.S.A.", "USA", "America", "the States"],
    "GBR": ["UK", "U.K.", "Britain"],
    "KOR": ["ROK", "S. Korea"],
    "PRK": ["DPRK", "N. Korea"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "RUS": ["Russian Federation"],
    "CZE": ["Czechia"],
    "TUR": ["Türkiye"],
    "MMR": ["Burma"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "COD": ["DRC", "Democratic Republic of Congo"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "PSE": ["Palestinian territories", "Gaza", "West Bank"],
    "MKD": ["North Macedonia"],
    "SWZ": ["Eswatini"],
    "CPV": ["Cabo Verde"],
    "LAO": ["Laos"],
    "IRN": ["Persia"],
    "NLD": ["the Netherlands"],
    "VNM": ["Viet Nam"],
    "BIH": ["Bosnia"],
}
_EXTRA_DEMONYMS = {
    "PHL": ["Philippine"],
    "SAU": ["Saudi"],
    "GBR": ["UK"],
    "ARG": ["Argentine", "Argentinian"],
    "NZL": ["New Zealander"],
    "ISR": ["Israeli"],
    "CZE": ["Czech"],
    "VAT": ["Vatican"],
}
# "Korea" / "Korean" alone: resolved from the article (see find_countries).
_AMBIGUOUS_KOREA = ("Korea", "Korean", "Koreans")
# Country names that are also common given or family names.
_PERSON_LIKE = {"Jordan", "Chad", "Georgia", "Israel", "Kenya", "India", "China", "Niger"}
# Forms that read as a country only in other contexts.
# "Vienna Convention", "Paris Agreement", "Washington Post": a place in a name.
_NOT_COUNTRY_BEFORE = re.compile(
    r"\s*(?:Post|Times|Journal|Institute|University|Street|Avenue|Convention|Treaty|Agreement|"
    r"Accords?|Declaration|Protocol|Charter|Process|Conference|Club|Format|Communiqu\w+)\b"
)
_NOT_COUNTRY_AFTER = re.compile(r"(?:\bNew|\bLatin|\bSouth|\bNorth|\bCentral)\s+$")
# A capital opening a longer name: "Vienna Diplomatic Council", "Paris Peace Forum".
_CAPITAL_IN_A_NAME = re.compile(
    r"\s+(?:[A-Z][\w-]+\s+){1,2}(?:Council|Convention|Conference|Committee|Commission|"
    r"Forum|Group|Club|Format|Process|Agreement|Accords?|Declaration|Treaty|Protocol)\b"
)
# A demonym read as a language: "a statement in Spanish and English", "said in Russian."
_IN_LANGUAGES = re.compile(
    r"(?<=\bin\s)(?:[A-Z][a-z]+(?:,\s+|\s+(?:and|or)\s+))*[A-Z][a-z]+"
    r"(?=\s*(?:[,.;:)\]]|$)|\s+(?:and|or|on|at|to|that|by|from|with|for|as|in|during)\b)"
)
# "inter-Korean": between the two Koreas.
_INTER_KOREAN = re.compile(r"(?<![\w-])inter-Korean\b", re.I)
# "Foreign Minister Santiago Pérez", "Mr. Victoria Lee": right after a title, a place
# followed by another capitalised word opens a personal name.
_TITLE_JUST_BEFORE = re.compile(
    r"(?:\b(?:Minister|President|Premier|Chancellor|Ambassador|Envoy|Secretary|Spokesman|"
    r"Spokeswoman|Spokesperson|Governor|Mayor|Senator|General|King|Queen|Prince|Princess|"
    r"Emir|Sheikh|Mr|Mrs|Ms|Dr|Gen)\.?)\s+$"
)


@lru_cache(maxsize=1)
def _surface_table() -> tuple[dict[str, str], dict[str, str]]:
    """(surface form -> ISO3, surface form -> how: name|demonym|capital)."""
    forms: dict[str, str] = {}
    how: dict[str, str] = {}

    def add(surface: str, iso3: str, kind: str) -> None:
        surface = surface.strip()
        if len(surface) < 2 or surface in forms:
            return
        forms[surface] = iso3
        how[surface] = kind

    for line in _TABLE.strip().splitlines():
        iso3, names, demonyms, capitals = line.split("|")
        for name in names.split(";"):
            add(name, iso3, "name")
            if name.startswith("The "):
                add(name[4:], iso3, "name")
    for iso3, names in _EXTRA_NAMES.items():
        for name in names:
            add(name, iso3, "name")
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                add(value, country.alpha_3, "name")
    for line in _TABLE.strip().splitlines():
        iso3, names, demonyms, capitals = line.split("|")
        for demonym in demonyms.split(";"):
            add(demonym, iso3, "demonym")
            if demonym and not demonym.endswith("s"):
                add(demonym + "s", iso3, "demonym")  # "Peruvians"
        for capital in capitals.split(";"):
            add(capital, iso3, "capital")
            # "N'Djamena" is also printed "Ndjamena" or "N'djamena".
            bare = re.sub(r"['’]", "", capital)
            if bare != capital:
                add(bare, iso3, "capital")
                add(bare[0] + bare[1:].lower(), iso3, "capital")
                add(capital[:2] + capital[2:].lower(), iso3, "capital")
    for iso3, demonyms in _EXTRA_DEMONYMS.items():
        for demonym in demonyms:
            add(demonym, iso3, "demonym")
    for word in _AMBIGUOUS_KOREA:
        forms.pop(word, None)
    return forms, how


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms, _ = _surface_table()
    surfaces = sorted([*forms, *_AMBIGUOUS_KOREA], key=lambda s: (-len(s), s))
    alternation = "|".join(re.escape(s) for s in surfaces)
    # No letter on either side; a trailing dot belongs to forms like "U.S." A hyphen
    # joined to a word before it makes a compound ("pro-Fiji"); a dash after a space or a
    # bracket is punctuation, as in a wire dateline run into its text: "LIMA (Reuters) -Peru".
    return re.compile(rf"(?<![\w.])(?<![\w.]-)(?:{alternation})(?![\w\-]|\.\w)")


_HYPHEN_PAIR = re.compile(r"(?<![\w-])([A-Z][A-Za-z.]+)-([A-Z][A-Za-z]+)(?![\w-])")


@cache
def country_name(iso3: str) -> str:
    """A short display name ("South Korea", not "Korea, Republic of")."""
    for line in _TABLE.strip().splitlines():
        code, names, _demonyms, _capitals = line.split("|")
        if code == iso3:
            return names.split(";")[0]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


def how_matched(surface: str) -> str:
    """ "name", "demonym" or "capital" for a surface form the table knows."""
    return _surface_table()[1].get(surface, "name")


def lookup(surface: str) -> str:
    """ISO3 for one surface form ("Peruvian" -> "PER"), or "" if unknown."""
    return _surface_table()[0].get(surface.strip(), "")


def sentence_index(sentences: list[Sentence], offset: int, starts: list[int] | None = None) -> int:
    """``starts``: the sentences' starts, built once per article by callers that ask often."""
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, offset) - 1
    return max(i, 0) if sentences else -1


def find_countries(text: str, sentences: list[Sentence], start: int = 0) -> list[Mention]:
    """Every country mention in ``text[start:]`` as a Mention keyed by ISO3."""
    forms, _ = _surface_table()
    found: list[tuple[int, int, str, str]] = []
    korea_bare: list[tuple[int, int, str]] = []
    for match in _pattern().finditer(text, start):
        surface = match.group()
        a, b = match.span()
        if surface in _AMBIGUOUS_KOREA:
            if re.search(r"\btwo\s+$", text[max(0, a - 8) : a]):
                continue  # "the two Koreas"
            korea_bare.append((a, b, surface))
            continue
        if _NOT_COUNTRY_BEFORE.match(text, b) or _NOT_COUNTRY_AFTER.search(
            text[max(0, a - 10) : a]
        ):
            continue
        if surface in _PERSON_LIKE and _beside_a_name(text, a, b):
            continue
        if how_matched(surface) == "capital" and _CAPITAL_IN_A_NAME.match(text, b):
            continue
        if how_matched(surface) == "demonym" and _in_languages(text, a, b):
            continue
        if opens_a_name(text, a, b):
            continue
        found.append((a, b, surface, forms[surface]))
    for match in _INTER_KOREAN.finditer(text, start):
        found.extend((match.start(), match.end(), match.group(), iso3) for iso3 in ("KOR", "PRK"))
    # "Qatari-Bahraini committee", "US-China talks": two countries joined by a hyphen.
    overlaps_taken = _overlap_test([(a, b) for a, b, *_ in found])
    for match in _HYPHEN_PAIR.finditer(text, start):
        parts = [(match.start(1), match.end(1)), (match.start(2), match.end(2))]
        codes = [forms.get(text[a:b], "") for a, b in parts]
        if all(codes) and not overlaps_taken(match.start(), match.end()):
            found.extend((a, b, text[a:b], code) for (a, b), code in zip(parts, codes, strict=True))
    if korea_bare:
        # "Korea" alone means the Korea the article is about: the South unless
        # the article only ever names the North.
        named = {iso for *_, iso in found}
        bare = "PRK" if "PRK" in named and "KOR" not in named else "KOR"
        found.extend((a, b, s, bare) for a, b, s in korea_bare)
    found.sort()
    starts = [s.start for s in sentences]
    return [
        Mention(a, b, surface, sentence_index(sentences, a, starts), COUNTRY, iso3)
        for a, b, surface, iso3 in found
    ]


def _in_languages(text: str, a: int, b: int) -> bool:
    """True when the demonym at a..b is one of a list of languages after "in"."""
    window = max(0, a - 80)
    for match in _IN_LANGUAGES.finditer(text, window, b + 80):
        if match.start() <= a and b <= match.end():
            return True
    return False


def _overlap_test(spans: list[tuple[int, int]]):
    """``any(sa < b and a < sb for sa, sb in spans)`` by bisection: a long article has
    thousands of spans."""
    spans = sorted(spans, key=lambda span: span[1])
    ends = [b for _a, b in spans]
    lowest_start = [a for a, _b in spans]  # from here on, in end order
    for i in range(len(spans) - 2, -1, -1):
        lowest_start[i] = min(lowest_start[i], lowest_start[i + 1])

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_right(ends, a)
        return i < len(ends) and lowest_start[i] < b

    return overlaps


def opens_a_name(text: str, a: int, b: int) -> bool:
    """A place word right after a title, followed by a capitalised word that is no country
    form, is a given name: "Foreign Minister Santiago Pérez"."""
    if not _TITLE_JUST_BEFORE.search(text[max(0, a - 16) : a]):
        return False
    after = re.match(r"[ \t]+([^\W\d_]{2,})\b", text[b : b + 30])
    return bool(after) and after.group(1)[0].isupper() and not lookup(after.group(1))


_POSTED_TO = re.compile(
    r"\b(?:ambassador|envoy|consul|high\s+commissioner|charg[eé]\s+d'affaires)"
    r"(?:[\s-]+designate)?\s+(?:to|in)\s+$",
    re.I,
)


def _beside_a_name(text: str, a: int, b: int) -> bool:
    """True when a country-like word sits inside a capitalised personal name."""
    if _POSTED_TO.search(text[max(0, a - 40) : a]):
        return False  # "the ambassador to Jordan Ana Ruiz": the post, then the envoy's name
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, a - 20) : a])
    after = re.match(r"\s+([A-Z][a-z]+)", text[b : b + 20])
    words = [m.group(1) for m in (before, after) if m]
    return any(not lookup(w) and w not in {"The", "In", "And"} for w in words)
