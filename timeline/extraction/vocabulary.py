"""The controlled vocabulary of event types, with CAMEO codes.

CAMEO (Conflict and Mediation Event Observations) is the coding scheme of
GDELT and ICEWS; codes here are its two- or three-digit roots, so events can
be compared with those datasets. Codes on our side are short slugs.
"""

from __future__ import annotations

# code -> (label, CAMEO code)
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "establish_relations": ("Establish or restore relations", "05"),
    "recognise": ("Grant diplomatic recognition", "054"),
    "sign_agreement": ("Sign an agreement", "057"),
    "visit": ("Visit", "042"),
    "meet": ("Meet or hold talks", "040"),
    "negotiate": ("Negotiate", "046"),
    "announce": ("Announce or decide", "010"),
    "intent": ("Express intent to cooperate", "030"),
    "appeal": ("Appeal or request", "020"),
    "praise": ("Praise or welcome", "051"),
    "criticise": ("Criticise or denounce", "111"),
    "provide_aid": ("Provide aid", "070"),
    "ease_sanctions": ("Ease sanctions", "085"),
    "impose_sanctions": ("Impose sanctions", "163"),
    "reduce_relations": ("Reduce or break relations", "161"),
    "expel_withdraw": ("Expel or withdraw diplomats", "166"),
    "join_organisation": ("Join an organisation", "05"),
    "armed_conflict": ("Armed conflict", "190"),
    "regime_change": ("Regime change or seizure of power", "19"),
    "other": ("Other", ""),
}


def label(code: str) -> str:
    return EVENT_TYPES.get(code, (code, ""))[0]


def cameo(code: str) -> str:
    return EVENT_TYPES.get(code, ("", ""))[1]
