"""The wijkecogram interview guide (network/interview/wijkecogram.json), as versioned data in
Dutch and English."""

import json
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

GUIDE = Path(__file__).resolve().parent / "interview" / "wijkecogram.json"


@lru_cache(maxsize=1)
def _guide():
    return json.loads(GUIDE.read_text(encoding="utf-8"))


def version():
    """The guide's version: each answer is kept with the version it was asked in."""
    return _guide()["version"]


def question(key):
    return _questions().get(key)


@lru_cache(maxsize=1)
def _questions():
    return {q["key"]: q for section in _guide()["sections"] for q in section["questions"]}


def question_keys():
    """Every question's key in the guide's order."""
    return list(_questions())


def text(item):
    """The Dutch or English text of a guide item, for the reader's language."""
    if item is None:
        return ""
    return item["en"] if (get_language() or "nl").startswith("en") else item["nl"]


def sections():
    return _guide()["sections"]
