"""Fixtures for the extraction tests: plain Python, no Django."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extraction.header import parse_header
from timeline.extraction.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def seed():
    """Load a seed article by its number ("000"): text, header and sentences."""

    def load(prefix: str):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        text = path.read_text(encoding="utf-8")
        header = parse_header(text)
        return text, header, split_sentences(text, header.body_start)

    return load
