"""The review queue's count on the timeline, for editors only."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..models import Sentence
from ..review import may_review

register = template.Library()

ISO3 = re.compile(r"[A-Za-z]{3}")


@register.inclusion_tag("timeline/includes/review_count.html", takes_context=True)
def review_queue_count(context) -> dict:
    """How many sentences await review, naming every country the timeline is filtered by."""
    request = context.get("request")
    if request is None or not may_review(request):
        return {}
    countries = [c.upper() for c in request.GET.getlist("country") if ISO3.fullmatch(c)]
    url = reverse("admin:timeline_reviewsentence_changelist")
    if countries:
        url += "?" + urlencode({"country": ",".join(countries)})
    return {
        "count": Sentence.objects.awaiting_review().mentioning(countries).count(),
        "url": url,
        "countries": countries,
    }
