"""What editors do to the timeline beyond editing a field: merge, split, reject.

The admin's actions and the tests call these functions; extraction never
does. Each one leaves marks that ``services.rebuild_timeline`` respects, so a
later ingest or re-extraction keeps the editor's decision:

* evidence an editor moved, and the evidence left on both halves of a split
  or on a merge's survivor, is ``origin=editor``: extraction never moves or
  deletes those links;
* a split leaves rejected links crosswise (each half says no to the other's
  sentences), so extraction, which may still see one happening, cannot put
  the halves back together;
* a merged-away event keeps ``merged_into``: its sentences count for the
  survivor, and its public URL redirects there;
* a rejected link stays as a row with ``rejected=True``, so extraction knows
  not to add it back; a link an editor moved elsewhere leaves one behind;
* the fields an editor's merge or split decided are listed in
  ``edited_fields``, so extraction does not overwrite them.

History: django-simple-history records every save of Article, Actor, Event
(with its countries and actors) and Evidence. It was chosen over
django-reversion (versions serialised as JSON text in one shared table) and
django-auditlog (one generic log of changes) because it keeps one history
table per model, with real columns that can be queried like the model, adds a
"History" button to the admin showing each version with the changed fields'
previous values and the user (taken from the request by its middleware, or
from ``user=`` here), and tracks many-to-many fields such as an event's
countries. Every function below accepts ``user`` so a change made outside a
request (shell, command) still names who made it, and sets a change reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from .models import Actor, ActorAlias, Event, Evidence, Mention

# The fields of an event that extraction writes. A merged or split event is
# the editor's composition: extraction must not rewrite it from one part.
EXTRACTED_EVENT_FIELDS = (
    "title",
    "type",
    "status",
    "start",
    "end",
    "precision",
    "edtf",
    "date_display",
    "date_rule",
    "date_certain",
    "conflicts",
    "countries",
    "actors",
)


class CurationError(ValueError):
    """A merge or split that cannot be done; the message says why."""


def _attribute(obj: models.Model, user: AbstractBaseUser | None, reason: str) -> None:
    """Name who made the next save, and why, in its history record."""
    if user is not None:
        obj._history_user = user
    obj._change_reason = reason


# --- Evidence ---------------------------------------------------------------


def reject_evidence(evidence: Iterable[Evidence], *, user: AbstractBaseUser | None = None) -> int:
    """Unlink sentences from their events without deleting the rows.

    The row stays with ``rejected=True`` so that extraction, which would find
    the same sentence again, knows an editor said no.
    """
    count = 0
    with transaction.atomic():
        for item in evidence:
            if item.rejected:
                continue
            item.rejected = True
            item.origin = Evidence.Origin.EDITOR
            _attribute(item, user, "rejected by an editor")
            item.save()
            count += 1
    return count


def restore_evidence(evidence: Iterable[Evidence], *, user: AbstractBaseUser | None = None) -> int:
    """Undo a rejection: the link counts again, as an editor's link."""
    count = 0
    with transaction.atomic():
        for item in evidence:
            if not item.rejected:
                continue
            item.rejected = False
            item.origin = Evidence.Origin.EDITOR
            _attribute(item, user, "restored by an editor")
            item.save()
            count += 1
    return count


def _pin(event: Event, user: AbstractBaseUser | None, reason: str) -> None:
    """Mark every link of ``event`` as the editor's: extraction never moves
    or deletes an editor's link, so the event keeps exactly these sentences."""
    for item in event.evidence.filter(origin=Evidence.Origin.EXTRACTION):
        item.origin = Evidence.Origin.EDITOR
        _attribute(item, user, reason)
        item.save()


def reject_link(
    event: Event, sentence_id: int, *, user: AbstractBaseUser | None = None, reason: str = ""
) -> None:
    """Record that this sentence does not report this event (say, because an
    editor moved the link elsewhere), so extraction does not link them again."""
    _reject_link(event, sentence_id, user, reason or "rejected by an editor")


def _reject_link(
    event: Event, sentence_id: int, user: AbstractBaseUser | None, reason: str
) -> None:
    link = Evidence.objects.filter(event=event, sentence_id=sentence_id).first() or Evidence(
        event=event, sentence_id=sentence_id
    )
    link.rejected = True
    link.origin = Evidence.Origin.EDITOR
    _attribute(link, user, reason)
    link.save()


# --- Conflicts --------------------------------------------------------------


def _claim_key(claim: dict) -> tuple:
    return (claim.get("value"), claim.get("article"), claim.get("sentence"))


def merge_conflicts(*conflict_lists: Sequence[dict]) -> list[dict]:
    """Concatenate conflict lists, one entry per field, each claim once."""
    by_field: dict[str, list[dict]] = {}
    for conflicts in conflict_lists:
        for conflict in conflicts or []:
            claims = by_field.setdefault(conflict.get("field", ""), [])
            seen = {_claim_key(c) for c in claims}
            for claim in conflict.get("claims", []):
                if _claim_key(claim) not in seen:
                    claims.append(claim)
                    seen.add(_claim_key(claim))
    return [
        {"field": name, "claims": claims}
        for name, claims in by_field.items()
        if len({c.get("value") for c in claims}) > 1
    ]


def _sentence_claim(value: str, evidence: Evidence | None) -> dict:
    sentence = evidence.sentence if evidence else None
    return {
        "value": value,
        "article": sentence.article.slug if sentence else "",
        "sentence": sentence.index if sentence else None,
        "text": sentence.text if sentence else "",
    }


def _first_evidence(event: Event) -> Evidence | None:
    return (
        event.evidence.filter(rejected=False)
        .select_related("sentence__article")
        .order_by("sentence__article_id", "sentence__index")
        .first()
    )


def _date_disagreement(target: Event, others: Sequence[Event]) -> list[dict]:
    """A "date" conflict when merged events carried different dates."""
    dated = [e for e in (target, *others) if e.date_display]
    if len({e.date_display for e in dated}) < 2:
        return []
    claims = [_sentence_claim(e.date_display, _first_evidence(e)) for e in dated]
    return [{"field": "date", "claims": claims}]


def _conflicts_within(event: Event) -> list[dict]:
    """Keep only the claims whose sentence still supports this event."""
    held = {
        (slug, index)
        for slug, index in event.evidence.filter(rejected=False).values_list(
            "sentence__article__slug", "sentence__index"
        )
    }
    kept = []
    for conflict in event.conflicts or []:
        claims = [
            c for c in conflict.get("claims", []) if (c.get("article"), c.get("sentence")) in held
        ]
        if len({c.get("value") for c in claims}) > 1:
            kept.append({**conflict, "claims": claims})
    return kept


# --- Events -----------------------------------------------------------------


def merge_events(
    target: Event,
    others: Iterable[Event],
    *,
    user: AbstractBaseUser | None = None,
) -> Event:
    """Fold ``others`` into ``target``: every sentence moves with its claims.

    The merged-away events stay as rows with ``merged_into`` set, so their
    public URLs redirect to the survivor and extraction finds their sentences
    on it. Countries and actors are united; conflicts are concatenated, with a
    date conflict added when the events carried different dates.
    """
    target = target.survivor()
    others = [o.survivor() for o in others]
    others = list({o.pk: o for o in others if o.pk != target.pk}.values())
    if not others:
        raise CurationError("choose at least one other event to merge")
    with transaction.atomic():
        conflicts = merge_conflicts(
            target.conflicts,
            *(o.conflicts for o in others),
            _date_disagreement(target, others),
        )
        held = dict(target.evidence.values_list("sentence_id", "pk"))
        for other in others:
            for item in other.evidence.all():
                if item.sentence_id in held:
                    # The target already has this sentence: keep one link,
                    # carrying any claim only the merged one had.
                    kept = Evidence.objects.get(pk=held[item.sentence_id])
                    missing = {k: v for k, v in item.claims.items() if k not in kept.claims}
                    accepted = kept.rejected and not item.rejected
                    if missing or accepted:
                        kept.claims = {**kept.claims, **missing}
                        if accepted:  # one event said yes to this sentence: keep it
                            kept.rejected = False
                            kept.origin = Evidence.Origin.EDITOR
                        _attribute(kept, user, f"claims merged from event #{other.pk}")
                        kept.save()
                    item.delete()
                    continue
                item.event = target
                item.origin = Evidence.Origin.EDITOR
                _attribute(item, user, f"moved from event #{other.pk} by a merge")
                item.save()
                held[item.sentence_id] = item.pk
            target.countries.add(*other.countries.all())
            target.actors.add(*other.actors.all())
            target.verified = target.verified or other.verified
            other.merged_into = target
            other.mark_edited(["merged_into"])
            _attribute(other, user, f"merged into event #{target.pk}")
            other.save()
        _pin(target, user, "kept by an editor's merge")
        target.conflicts = conflicts
        target.mark_edited(EXTRACTED_EVENT_FIELDS)
        _attribute(target, user, "merged with " + ", ".join(f"#{o.pk}" for o in others))
        target.save()
    return target


def split_event(
    event: Event,
    evidence_ids: Iterable[int],
    *,
    title: str = "",
    user: AbstractBaseUser | None = None,
) -> Event:
    """Move the chosen evidence to a new event and return it.

    The new event starts as a copy of the old one (type, date, countries,
    actors); the editor refines it afterwards. Moved links become
    ``origin=editor``, and a rejected link is left on each half for each
    sentence of the other, so extraction never puts the sentences together.
    """
    ids = set(evidence_ids)
    moving = list(event.evidence.filter(pk__in=ids))
    if not moving or len(moving) != len(ids):
        raise CurationError("choose evidence of this event to move to the new event")
    if not event.evidence.exclude(pk__in=ids).filter(rejected=False).exists():
        raise CurationError("leave at least one sentence on the original event")
    with transaction.atomic():
        new = Event(
            title=(title or f"{event.title} (split)")[:300],
            type=event.type,
            status=event.status,
            start=event.start,
            end=event.end,
            precision=event.precision,
            edtf=event.edtf,
            date_display=event.date_display,
            date_rule=event.date_rule,
            date_certain=event.date_certain,
            conflicts=event.conflicts,
        )
        new.mark_edited(["title"])
        _attribute(new, user, f"split from event #{event.pk}")
        new.save()
        new.countries.set(event.countries.all())
        new.actors.set(event.actors.all())
        for item in moving:
            item.event = new
            item.origin = Evidence.Origin.EDITOR
            _attribute(item, user, f"moved from event #{event.pk} by a split")
            item.save()
        # Both halves keep the claims of their own sentences only.
        new.conflicts = _conflicts_within(new)
        _attribute(new, user, f"split from event #{event.pk}")
        new.save()
        # Extraction may still see one happening. Rejected links both ways
        # say which half each sentence belongs to, and pinning the links
        # left behind keeps them even if extraction matches the new half.
        staying = list(event.evidence.filter(rejected=False).values_list("sentence_id", flat=True))
        for item in moving:
            _reject_link(event, item.sentence_id, user, f"split off to event #{new.pk}")
        for sentence_id in staying:
            _reject_link(new, sentence_id, user, f"stays on event #{event.pk}")
        _pin(event, user, "kept by an editor's split")
        event.conflicts = _conflicts_within(event)
        event.mark_edited(["conflicts"])
        _attribute(event, user, f"split: event #{new.pk} took {len(moving)} sentence(s)")
        event.save()
    return new


# --- Actors -----------------------------------------------------------------


def merge_actors(
    target: Actor,
    others: Iterable[Actor],
    *,
    user: AbstractBaseUser | None = None,
) -> Actor:
    """Fold ``others`` into ``target``: aliases, events and mentions move.

    Each merged-away actor keeps ``merged_into``; extraction maps its key to
    the survivor, so the merge holds through every re-ingest. The merged
    actor's names become aliases of the survivor.
    """
    target = target.survivor()
    others = [o.survivor() for o in others]
    others = list({o.pk: o for o in others if o.pk != target.pk}.values())
    if not others:
        raise CurationError("choose at least one other actor to merge")
    with transaction.atomic():
        known = set(target.aliases.values_list("name", flat=True)) | {target.name}
        for other in others:
            for alias in other.aliases.all():
                if alias.name in known:
                    alias.delete()
                else:
                    alias.actor = target
                    alias.save()
                    known.add(alias.name)
            if other.name not in known:
                ActorAlias.objects.create(actor=target, name=other.name)
                known.add(other.name)
            for event in Event.objects.filter(actors=other):
                event.actors.remove(other)
                event.actors.add(target)
            Mention.objects.filter(actor=other).update(actor=target)
            # Fill what the survivor lacks, so nothing known is lost.
            if not target.title and other.title:
                target.title = other.title
            if target.country_id is None and other.country_id is not None:
                target.country_id = other.country_id
            other.merged_into = target
            other.mark_edited(["merged_into"])
            _attribute(other, user, f"merged into actor #{target.pk}")
            other.save()
        _attribute(target, user, "merged with " + ", ".join(f"#{o.pk}" for o in others))
        target.save()
    return target
