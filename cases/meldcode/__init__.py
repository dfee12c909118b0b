"""The meldcode huiselijk geweld en kindermishandeling as versioned data: its five steps, what
each records, and the five questions of the afwegingskader with where each answer leads
(`meldcode-<version>.json`, Dutch and English). The one source of truth for the steps' order,
their fields and the routing; forms, services, pages, the PDF and the inspection file read it
from here. A trajectory keeps the version it was started with (docs/meldcode.md)."""

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

VERSION = "2019"
_HERE = Path(__file__).resolve().parent

# What a step record can be: the five steps, and the later check of question 5.
RESULT_CHECK = "result_check"
# The weighing answers questions 1-4; question 5 is checked once the help has had its time.
WEIGHING = "weighing"
DECISION = "decision"
SIGNALS = "signals"

# Where an answer leads (the JSON's `yes` / `no`): on to the next question, or an outcome.
NEXT, CLOSE, REPORT, HELP = "next", "close", "report", "help"


@lru_cache(maxsize=4)
def framework(version=VERSION):
    return json.loads((_HERE / f"meldcode-{version}.json").read_text(encoding="utf-8"))


def text(item):
    """The Dutch or English text of a framework item, for the reader's language."""
    if not item:
        return ""
    return item["en"] if (get_language() or "nl").startswith("en") else item["nl"]


def steps(version=VERSION):
    return framework(version)["steps"]


def record_kind(key, version=VERSION):
    """A step by its key, or the question-5 check; None for anything else."""
    if key == RESULT_CHECK:
        return framework(version)["result_check"]
    return next((s for s in steps(version) if s["key"] == key), None)


def record_keys(version=VERSION):
    return [s["key"] for s in steps(version)] + [RESULT_CHECK]


def step_number(key, version=VERSION):
    """The step a record belongs to: the question-5 check completes step 4's weighing after
    the decision, so it counts as reached step 5."""
    if key == RESULT_CHECK:
        return len(steps(version))
    return record_kind(key, version)["number"]


def question(number, version=VERSION):
    return framework(version)["questions"][number - 1]


def outcome_text(outcome, version=VERSION):
    return text(framework(version)["outcomes"].get(outcome))


REASONING = {"nl": "Onderbouwing", "en": "Reasoning"}
ANSWERS = {"yes": {"nl": "Ja", "en": "Yes"}, "no": {"nl": "Nee", "en": "No"}}


def _routing(q, version):
    """Where each answer leads, in both languages: the question's help text."""
    outcomes = framework(version)["outcomes"]
    return {
        lang: " ".join(f"{ANSWERS[a][lang]}: {outcomes[q[a]][lang]}" for a in ("yes", "no"))
        for lang in ("nl", "en")
    }


def fields(key, version=VERSION):
    """The fields a record of this kind holds, in order: a weighing's are its questions, each
    answered yes or no with its reasoning."""
    kind = record_kind(key, version)
    found = []
    for number in kind.get("questions", []):
        q = question(number, version)
        found.append(
            {
                "name": f"q{number}",
                "type": "yesno",
                "nl": q["nl"],
                "en": q["en"],
                "question": number,
                "help": _routing(q, version),
            }
        )
        found.append({"name": f"q{number}_reason", "type": "text", **REASONING})
    return found + kind.get("fields", [])


def route(answers, numbers, version=VERSION):
    """Walk the questions `numbers` in order with `answers` ({number: "yes"/"no"}).
    Returns (outcome, unanswered): the outcome the answers lead to (close, report or help),
    or None and the first question still to answer."""
    for number in numbers:
        answer = answers.get(number)
        if answer not in ("yes", "no"):
            return None, number
        lead = question(number, version)[answer]
        if lead != NEXT:
            return lead, None
    return None, None


def choice_label(field, value):
    for choice in field.get("choices", []):
        if choice["value"] == value:
            return text(choice)
    return value or ""


def sources(version=VERSION):
    return framework(version)["sources"]


def readable(key, data, version=VERSION):
    """A record's stored data as (label, value, is_long_text) in the reader's language, in the
    framework's order: for its page, its PDF and the inspection file alike."""
    lines = []
    for spec in fields(key, version):
        value = data.get(spec["name"])
        if value is None:
            continue
        if spec["type"] == "date":
            value = date.fromisoformat(value).strftime("%d-%m-%Y")
        elif spec["type"] == "yesno":
            value = text(ANSWERS.get(value))
        elif spec["type"] == "choice":
            value = choice_label(spec, value)
        lines.append((text(spec), value, spec["type"] == "text"))
    return lines
