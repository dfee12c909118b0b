"""The ZRM 2013 matrix data (zrm/matrices/zrm_2013.json) against the seed's appendix table.

The seed text is a transcription; the only permitted changes to it are three spelling fixes.
These tests parse the table from the seed themselves, so they check the JSON independently of
whatever produced it. No database needed.
"""

import json
import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
MATRIX_PATH = REPO_ROOT / "zrm" / "matrices" / "zrm_2013.json"
SEED_PATH = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_306e960f67ec937a.txt"

TABLE_START = "Zelfredzaamheidsmatrix 2013"
TABLE_END = "Beschrijving 'Wijkecogram'"

SPELLING_FIXES = {
    "lichamenlijk": "lichamelijk",
    "participierend": "participerend",
    "gedesorgeriseerd": "gedesorganiseerd",
}

DOMAIN_KEYS = [
    "finances",
    "daytime_activities",
    "housing",
    "domestic_relations",
    "mental_health",
    "physical_health",
    "addiction",
    "adl",
    "social_network",
    "community_participation",
    "justice",
]

LEVELS = ["1", "2", "3", "4", "5"]


def apply_spelling_fixes(text):
    for wrong, right in SPELLING_FIXES.items():
        text = text.replace(wrong, right)
    return text


def load_matrix():
    with MATRIX_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def load_seed_table():
    """Return (level names, domain rows) from the seed; each row is [name, cell1, ..., cell5]."""
    if not SEED_PATH.exists():
        reason = f"seed file not found at {SEED_PATH} (expected ../shared beside the repo)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == TABLE_START)
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith(TABLE_END))
    rows = [line.split("\t") for line in lines[start:end] if "\t" in line]
    headers = [row for row in rows if row[0].strip() == "Domein"]
    body = [[cell.strip() for cell in row] for row in rows if row[0].strip() != "Domein"]
    assert headers, "no header row found in the seed table"
    level_names = [cell.split("=", 1)[1].strip() for cell in headers[0][1:]]
    return level_names, body


@pytest.fixture(scope="module")
def matrix():
    return load_matrix()


@pytest.fixture(scope="module")
def seed_table():
    return load_seed_table()


def all_texts(matrix):
    """Every bilingual text in the matrix as (where, nl, en)."""
    yield "title", matrix["title"]["nl"], matrix["title"]["en"]
    for level in matrix["levels"]:
        yield f"level {level['level']}", level["nl"], level["en"]
    for domain in matrix["domains"]:
        yield f"domain {domain['key']}", domain["nl"], domain["en"]
        for number, cell in domain["descriptors"].items():
            yield f"{domain['key']} level {number}", cell["nl"], cell["en"]


def test_it_loads_as_json_with_the_expected_header_fields(matrix):
    assert matrix["version"] == "2013"
    assert matrix["title"] == {
        "nl": "Zelfredzaamheidsmatrix 2013",
        "en": "Self-Sufficiency Matrix 2013",
    }
    assert matrix["copyright"] == "© GGD Amsterdam"
    assert "Lauriks" in matrix["authors"]
    assert "Fassaert" in matrix["authors"]


def test_it_has_eleven_domains_with_five_levels_each(matrix):
    assert [domain["key"] for domain in matrix["domains"]] == DOMAIN_KEYS
    for domain in matrix["domains"]:
        assert sorted(domain["descriptors"]) == LEVELS, domain["key"]
    assert sum(len(domain["descriptors"]) for domain in matrix["domains"]) == 55


def test_it_matches_the_seed_level_names(matrix, seed_table):
    level_names, _ = seed_table
    assert [level["level"] for level in matrix["levels"]] == [1, 2, 3, 4, 5]
    assert [level["nl"] for level in matrix["levels"]] == level_names


def test_it_matches_the_seed_domain_names_and_order(matrix, seed_table):
    _, rows = seed_table
    assert len(rows) == 11
    assert [domain["nl"] for domain in matrix["domains"]] == [row[0] for row in rows]


@pytest.mark.parametrize("index", range(len(DOMAIN_KEYS)), ids=DOMAIN_KEYS)
def test_it_matches_the_seed_descriptors_with_only_the_spelling_fixes(matrix, seed_table, index):
    _, rows = seed_table
    row = rows[index]
    assert len(row) == 6, f"seed row for {row[0]!r} does not have 5 level cells"
    domain = matrix["domains"][index]
    expected = {level: apply_spelling_fixes(row[int(level)]) for level in LEVELS}
    actual = {level: domain["descriptors"][level]["nl"] for level in LEVELS}
    assert actual == expected


def test_it_contains_none_of_the_fixed_misspellings(matrix):
    text = json.dumps(matrix, ensure_ascii=False)
    for wrong in SPELLING_FIXES:
        assert wrong not in text


def test_it_has_an_english_text_for_every_dutch_text(matrix):
    problems = []
    for where, nl, en in all_texts(matrix):
        if not nl.strip():
            problems.append(f"{where}: empty Dutch text")
        if not en.strip():
            problems.append(f"{where}: empty English text")
        elif en.strip() == nl.strip():
            problems.append(f"{where}: English text equals the Dutch")
    assert not problems, "\n".join(problems)
