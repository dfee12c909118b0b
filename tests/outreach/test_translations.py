from pathlib import Path

import polib
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_it_has_every_dutch_text_translated():
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, missing


def test_it_speaks_dutch_by_default_and_english_on_request(client, owner):
    client.force_login(owner)
    assert "Mijn casussen" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "My cases" in client.get(reverse("home")).content.decode()
    translation.activate("nl")
