"""The wijkecogram interview guide data (network/interview/wijkecogram.json) against the seed.

The seed's appendix "Beschrijving 'Wijkecogram'" lists the questions; these tests parse them from
the seed themselves, so they check the JSON independently of whatever produced it. The Dutch text
must be the seed's text exactly, gaps included ("Is.... hier", "contact met eruit"). No database
needed.
"""

import json
import os
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
GUIDE_PATH = REPO_ROOT / "network" / "interview" / "wijkecogram.json"
SEED_PATH = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_306e960f67ec937a.txt"

GUIDE_START = "Beschrijving 'Wijkecogram'"
GUIDE_END = "Beschrijving project 'Even Buurten'"
SUBTITLE = "Vragenlijst inventariseren sociaal netwerk van de cliënt in de buurt/ wijk"
# The legend of the ecogram figure, which the transcription lost; it is not a question.
LEGEND = "● = de persoon zelf"

SECTIONS = [
    ("general", "Algemeen"),
    ("diversity", "Gevarieerdheid"),
    ("contact", "Inhoud van het contact"),
    ("practical", "Praktische steun"),
    ("material", "Materiële steun"),
    ("emotional", "Emotionele steun"),
    ("sleeping", "'Slapend netwerk'"),
]

QUESTION_LINE = re.compile(r"^(?P<indent>\s*)-\s+(?P<text>.*\S)\s*$")
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

DIRECTIONS = {"receives", "gives", "both"}
ALLOWED_ADDS = {
    "relation": {
        "partner",
        "parent",
        "child",
        "sibling",
        "other_family",
        "friend",
        "neighbour",
        "acquaintance",
        "colleague",
        "volunteer",
        "professional",
        "organisation",
    },
    "distance": {"same_wijk"},
    "support_practical": DIRECTIONS,
    "support_material": DIRECTIONS,
    "support_emotional": DIRECTIONS,
    "support_decisions": DIRECTIONS,
    "support_company": DIRECTIONS,
    "status": {"sleeping"},
    "known_before": {True},
}

# The questions whose answers name people for the map, with the defaults they bring.
EXPECTED_ADDS = {
    "family_in_wijk": {"relation": "other_family", "distance": "same_wijk"},
    "friends_in_wijk": {"relation": "friend", "distance": "same_wijk"},
    "neighbours_contact": {"relation": "neighbour", "distance": "same_wijk"},
    "others_in_wijk": {"relation": "acquaintance", "distance": "same_wijk"},
    "shared_interests": {"support_company": "both"},
    "practical_help_received": {"support_practical": "receives"},
    "practical_help_given": {"support_practical": "gives"},
    "borrows_from": {"support_material": "receives"},
    "lends_to": {"support_material": "gives"},
    "talk_to": {"support_emotional": "receives"},
    "decision_support": {"support_decisions": "receives"},
    "contacts_before_problems": {"status": "sleeping", "known_before": True},
}


def load_guide():
    with GUIDE_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def load_seed_guide():
    """Return (sections, stray lines) from the seed.

    Each section is {"nl": heading, "intro": prose before its first question or None,
    "questions": [(dutch text, is_sub), ...]}; stray lines are any other text after a section's
    questions began.
    """
    if not SEED_PATH.exists():
        reason = f"seed file not found at {SEED_PATH} (expected ../shared beside the repo)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(GUIDE_START))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(GUIDE_END))
    headings = {nl for _key, nl in SECTIONS}
    sections, stray, preamble = [], [], []
    for line in lines[start + 1 : end]:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped in headings:
            sections.append({"nl": stripped, "intro": [], "questions": []})
            continue
        match = QUESTION_LINE.match(line)
        if not sections:
            preamble.append(stripped)
        elif match:
            sub = bool(match["indent"])
            sections[-1]["questions"].append((match["text"].strip(), sub))
        elif sections[-1]["questions"]:
            stray.append(stripped)
        else:
            sections[-1]["intro"].append(stripped)
    assert preamble == [SUBTITLE], f"unexpected text before the first section: {preamble}"
    for section in sections:
        section["intro"] = " ".join(section["intro"]) or None
    return sections, stray


@pytest.fixture(scope="module")
def guide():
    return load_guide()


@pytest.fixture(scope="module")
def seed_guide():
    return load_seed_guide()


def all_questions(guide):
    return [q for section in guide["sections"] for q in section["questions"]]


def test_it_is_version_2014_with_a_title_in_both_languages(guide):
    assert guide["version"] == "2014"
    assert guide["title"]["nl"] == "Wijkecogram: vragenlijst sociaal netwerk in de buurt/wijk"
    assert guide["title"]["en"].strip()


def test_it_is_written_as_utf8_with_indent_2_and_no_ascii_escapes():
    raw = GUIDE_PATH.read_text(encoding="utf-8")
    assert "Materiële steun" in raw
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"


def test_it_has_the_seed_sections_in_order(guide, seed_guide):
    seed_sections, _stray = seed_guide
    assert [s["nl"] for s in seed_sections] == [nl for _key, nl in SECTIONS]
    assert [(s["key"], s["nl"]) for s in guide["sections"]] == SECTIONS


def test_it_has_exactly_the_seed_questions_in_the_same_order_and_sections(guide, seed_guide):
    seed_sections, _stray = seed_guide
    for section, seed_section in zip(guide["sections"], seed_sections, strict=True):
        ours = [(q["nl"], q["sub"]) for q in section["questions"]]
        assert ours == seed_section["questions"], section["key"]


def test_it_finds_nothing_else_in_the_seed_than_questions_and_the_figure_legend(seed_guide):
    _sections, stray = seed_guide
    assert stray == [LEGEND]


def test_it_keeps_the_seed_intro_and_only_the_sleeping_network_has_one(guide, seed_guide):
    seed_sections, _stray = seed_guide
    for section, seed_section in zip(guide["sections"], seed_sections, strict=True):
        if seed_section["intro"] is None:
            assert section["intro"] is None, section["key"]
        else:
            assert section["intro"]["nl"] == seed_section["intro"]
            assert section["intro"]["en"].strip()
            assert section["intro"]["en"] != section["intro"]["nl"]
    assert [s["key"] for s in guide["sections"] if s["intro"]] == ["sleeping"]


def test_it_keeps_the_gaps_in_the_seed_text(guide):
    texts = [q["nl"] for q in all_questions(guide)]
    assert "Is.... hier of elders geboren?" in texts
    assert "Hoe ziet het contact met eruit?" in texts
    assert "Zou je graag opnieuw contact met hen hem/ haar willen hebben?" in texts


def test_it_puts_every_sub_question_after_a_parent(guide):
    for section in guide["sections"]:
        assert section["questions"], section["key"]
        assert section["questions"][0]["sub"] is False, section["key"]
        for question in section["questions"]:
            assert isinstance(question["sub"], bool), question["key"]


def test_it_gives_every_question_a_unique_snake_case_key(guide):
    keys = [q["key"] for q in all_questions(guide)] + [s["key"] for s in guide["sections"]]
    section_keys = [s["key"] for s in guide["sections"]]
    question_keys = [q["key"] for q in all_questions(guide)]
    assert len(set(question_keys)) == len(question_keys)
    assert len(set(section_keys)) == len(section_keys)
    assert all(SNAKE_CASE.match(key) for key in keys), keys


def test_it_gives_every_question_an_english_text_different_from_the_dutch(guide):
    for question in all_questions(guide):
        assert set(question) == {"key", "nl", "en", "sub", "adds"}, question["key"]
        assert question["en"].strip(), question["key"]
        assert question["en"] != question["nl"], question["key"]
    for section in guide["sections"]:
        assert section["en"].strip() and section["en"] != section["nl"], section["key"]


def test_it_uses_only_the_allowed_keys_and_values_in_adds(guide):
    for question in all_questions(guide):
        adds = question["adds"]
        if adds is None:
            continue
        assert isinstance(adds, dict) and adds, question["key"]
        for name, value in adds.items():
            assert name in ALLOWED_ADDS, (question["key"], name)
            assert value in ALLOWED_ADDS[name], (question["key"], name, value)
            if name == "known_before":
                assert value is True, question["key"]


def test_it_gives_add_defaults_only_to_the_questions_that_name_people(guide):
    adds = {q["key"]: q["adds"] for q in all_questions(guide) if q["adds"] is not None}
    assert adds == EXPECTED_ADDS


def test_it_leaves_adds_empty_on_questions_about_people_already_named(guide):
    for question in all_questions(guide):
        if question["key"].endswith(("_ring", "_involvement", "_frequency")):
            assert question["sub"] is True, question["key"]
            assert question["adds"] is None, question["key"]
