"""docs/security.md names the test behind each requirement; a renamed or deleted test must not
leave the map pointing at nothing."""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
DOC = (TESTS.parent / "docs" / "security.md").read_text()


def test_it_names_only_test_modules_that_exist():
    modules = set(re.findall(r"`([a-z_/]+/test_[a-z0-9_]+\.py)", DOC))
    assert modules, "the map names no test modules"
    assert sorted(m for m in modules if not (TESTS / m).is_file()) == []


def test_it_names_only_tests_that_exist():
    names = set(re.findall(r"::(test_[a-z0-9_]+)", DOC))
    assert names, "the map names no tests"
    sources = "\n".join(p.read_text() for p in TESTS.rglob("test_*.py"))
    assert sorted(n for n in names if f"def {n}(" not in sources) == []
