"""The review queue: what extraction left out, and an editor's three answers to it.

``Sentence.objects.awaiting_review()`` selects the queue. For one sentence,
:func:`suggest` reads what the extraction makes of it (its own candidate
event, if clustering dropped one, else the sentence's date, countries and
actors); an editor then makes an event from it, attaches it to an event, or
dismisses it. Each answer leaves a mark that ``ingest --reextract`` keeps:

* a made event is the editor's whole (every extracted field in
  ``edited_fields``, verified) and cites the sentence with ``origin=editor``;
* an attached sentence is ``origin=editor`` evidence: extraction never moves
  or deletes it;
* a dismissal is kept by the sentence's position in its article (see
  ``models.Dismissal``), so it holds even if the sentences are split anew.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from .curation import EXTRACTED_EVENT_FIELDS
from .extraction import types as x
from .extraction.pipeline import extract_article
from .models import Actor, Country, Dismissal, Event, Evidence, Sentence

# Who works the queue: whoever may add evidence (the "editor" group may).
QUEUE_PERMISSION = "timeline.add_evidence"
TITLE_LENGTH = 120
NEARBY_EVENTS = 12  # events offered to attach the sentence to


def may_review(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.has_perm(QUEUE_PERMISSION)


@dataclass
class Suggestion:
    """A prefilled event for one sentence: what the extraction read in it."""

    title: str
    type: str
    status: str = Event.Status.DONE
    date: x.DateValue | None = None
    date_text: str = ""
    countries: list[str] = field(default_factory=list)  # ISO3
    actors: list[Actor] = field(default_factory=list)

    def initial(self) -> dict:
        """The event form's initial values."""
        date = self.date
        return {
            "title": self.title,
            "type": self.type,
            "status": self.status,
            "start": date.start if date else None,
            "end": date.end if date else None,
            "precision": date.precision if date else "",
            "countries": list(Country.objects.filter(iso3__in=self.countries)),
            "actors": self.actors,
        }


def actors_by_key(keys: Iterable[str]) -> list[Actor]:
    """The actors the extraction's keys name, as editors left them (merged ones followed)."""
    found = Actor.objects.filter(key__in=list(keys)).select_related("merged_into")
    return _unique(a.survivor() for a in found)


def suggest(sentence: Sentence) -> Suggestion:
    """Read the sentence's article again and say what event the sentence could be.

    The extraction's own candidate in that sentence is the best guess (its type,
    title, date and parties); without one, the sentence's first resolved date and
    every country and actor marked in it (what the queue lists), type "other".
    """
    article = sentence.article
    reading = extract_article(article.text, published=article.published)

    def inside(start: int) -> bool:
        return sentence.start <= start < sentence.end

    starts = {s.index: s.start for s in reading.sentences}
    candidates = [c for c in reading.events if inside(starts.get(c.sentence, -1))]
    dates = [t for t in reading.timexes if inside(t.start) and t.kind != "duration" and t.value]
    marked = list(sentence.mentions.select_related("actor__merged_into"))
    countries = [m.country_id for m in marked if m.country_id]
    actors = [m.actor.survivor() for m in marked if m.actor_id]
    if candidates:
        best = candidates[0]
        return Suggestion(
            title=best.title[:TITLE_LENGTH],
            type=best.type,
            status=best.status,
            date=best.date or (dates[0].value if dates else None),
            date_text=best.date_text or (dates[0].text if dates else ""),
            countries=list(dict.fromkeys(best.countries or countries)),
            actors=actors_by_key(best.actors) if best.actors else _unique(actors),
        )
    return Suggestion(
        title=_shortened(sentence.text),
        type="other",
        date=dates[0].value if dates else None,
        date_text=dates[0].text if dates else "",
        countries=list(dict.fromkeys(countries)),
        actors=_unique(actors),
    )


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    return list({a.pk: a for a in actors}.values())


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_LENGTH:
        return text
    return text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def nearby_events(suggestion: Suggestion) -> list[Event]:
    """Visible events sharing a country or an actor with the sentence, nearest in date first."""
    shared = Q(countries__iso3__in=suggestion.countries) | Q(actors__in=suggestion.actors)
    events = list(Event.objects.visible().filter(shared).distinct().prefetch_related("countries"))
    day = suggestion.date.start if suggestion.date else None

    def distance(event: Event) -> tuple[bool, int, int]:
        if day is None or event.start is None:
            return (True, 0, event.pk)
        return (False, abs((event.start - day).days), event.pk)

    return sorted(events, key=distance)[:NEARBY_EVENTS]


def _by(obj, user: AbstractBaseUser | None, reason: str) -> None:
    """Name who made the next save, and why, in its history record."""
    if user is not None:
        obj._history_user = user
    obj._change_reason = reason


def make_event(
    sentence: Sentence,
    event: Event,
    *,
    countries: Iterable[Country],
    actors: Iterable[Actor],
    date_text: str = "",
    user: AbstractBaseUser | None = None,
) -> Event:
    """Store ``event`` (unsaved, as the editor filled it in) with ``sentence`` as its source.

    The event is the editor's: verified, and every field extraction writes is
    marked edited, so a re-extraction that later finds the same happening
    attaches its sentences here without rewriting it.
    """
    with transaction.atomic():
        event.verified = True
        event.mark_edited(EXTRACTED_EVENT_FIELDS)
        _by(event, user, f"made from sentence #{sentence.pk} in the review queue")
        event.save()
        event.countries.set(countries)
        event.actors.set(actors)
        link = Evidence(
            event=event,
            sentence=sentence,
            origin=Evidence.Origin.EDITOR,
            date_text=date_text[:200],
            date_display=event.date_display[:100],
            date_edtf=event.edtf[:60],
        )
        _by(link, user, "the sentence an editor made this event from")
        link.save()
    return event


def attach(sentence: Sentence, event: Event, *, user: AbstractBaseUser | None = None) -> Evidence:
    """Make ``sentence`` a source of ``event`` (or of the event it was merged into)."""
    event = event.survivor()
    with transaction.atomic():
        link = Evidence.objects.filter(event=event, sentence=sentence).first() or Evidence(
            event=event, sentence=sentence
        )
        link.rejected = False
        link.origin = Evidence.Origin.EDITOR
        _by(link, user, "attached by an editor from the review queue")
        link.save()
    return link


def dismiss(sentences: Iterable[Sentence], *, user: AbstractBaseUser | None = None) -> int:
    """Take sentences out of the queue: they report no event. Returns how many."""
    rows = [
        Dismissal(article_id=s.article_id, start=s.start, end=s.end, text=s.text, dismissed_by=user)
        for s in sentences
    ]
    # A sentence dismissed twice (two editors at once) stays dismissed once.
    Dismissal.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
