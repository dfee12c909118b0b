"""User data is always escaped: no template or module of ours switches escaping off."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted((ROOT / "templates").rglob("*.html")),
    *[
        p
        for app in ("outreach", "cases", "network", "zrm")
        for p in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in p.parts
    ],
]
UNSAFE = re.compile(r"\|\s*safe\b|mark_safe\s*\(|\{%\s*autoescape\s+off|format_html\(\s*f[\"']")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_it_never_turns_escaping_off(path):
    found = [
        f"{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if UNSAFE.search(line)
    ]
    assert not found, found


def test_it_checks_the_templates_and_the_code():
    assert len(SOURCES) > 40
