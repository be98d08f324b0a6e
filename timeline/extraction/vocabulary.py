"""The controlled vocabulary of event types, with CAMEO codes, from data/frames.toml.

CAMEO (Conflict and Mediation Event Observations) is the coding scheme of
GDELT and ICEWS; codes here are its two- or three-digit roots, so events can
be compared with those datasets. Codes on our side are short slugs.
"""

from __future__ import annotations

from .frames import frames

# code -> (label, CAMEO code)
EVENT_TYPES: dict[str, tuple[str, str]] = {
    code: (frame.label, frame.cameo) for code, frame in frames().items()
}


def label(code: str) -> str:
    return EVENT_TYPES.get(code, (code, ""))[0]


def cameo(code: str) -> str:
    return EVENT_TYPES.get(code, ("", ""))[1]
