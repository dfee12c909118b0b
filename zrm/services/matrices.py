"""Loading a ZRM version from its JSON file (the format of zrm/matrices/zrm_2013.json, described
in docs/zrm.md) and marking the version new trajectories use. A loaded version is never changed:
loading the same texts again is a no-op, other texts under a loaded key are refused."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from outreach import clock
from zrm.models import LEVELS, ZrmDescriptor, ZrmDomain, ZrmLevel, ZrmMatrix

KEY_LENGTH = ZrmMatrix._meta.get_field("key").max_length
DOMAIN_KEY_LENGTH = ZrmDomain._meta.get_field("key").max_length
NAME_LENGTH = ZrmDomain._meta.get_field("name_nl").max_length
LEVEL_NAME_LENGTH = ZrmLevel._meta.get_field("name_nl").max_length
TITLE_LENGTH = ZrmMatrix._meta.get_field("title_nl").max_length
AUTHORS_LENGTH = ZrmMatrix._meta.get_field("authors").max_length
COPYRIGHT_LENGTH = ZrmMatrix._meta.get_field("copyright").max_length


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def _bilingual(item):
    """(nl, en) of an item with "nl" and an optional "en"; English falls back to the Dutch, as
    the texts an organisation receives with its training are in Dutch only."""
    if not isinstance(item, dict):
        return "", ""
    nl = _text(item.get("nl"))
    return nl, _text(item.get("en")) or nl


def _levels(data, faults):
    levels = data.get("levels")
    if not isinstance(levels, list) or len(levels) != len(LEVELS):
        count = len(levels) if isinstance(levels, list) else 0
        faults.append(
            _("A ZRM version has %(expected)s levels; this file has %(count)s.")
            % {"expected": len(LEVELS), "count": count}
        )
        return {}
    found = {}
    for item in levels:
        level = item.get("level") if isinstance(item, dict) else None
        if level in LEVELS and level not in found:
            found[level] = _bilingual(item)
    for level in LEVELS:
        if level not in found:
            faults.append(_("Level %(level)s is missing from the levels.") % {"level": level})
        elif not found[level][0] or max(map(len, found[level])) > LEVEL_NAME_LENGTH:
            faults.append(
                _("Level %(level)s has no Dutch name (at most %(length)s characters).")
                % {"level": level, "length": LEVEL_NAME_LENGTH}
            )
    return found


def _domains(data, faults):
    domains = data.get("domains")
    if not isinstance(domains, list) or not domains:
        faults.append(_("The file has no domains."))
        return []
    seen, result = set(), []
    for number, item in enumerate(domains, start=1):
        item = item if isinstance(item, dict) else {}
        key = _text(item.get("key"))
        if not key or len(key) > DOMAIN_KEY_LENGTH:
            faults.append(
                _("Domain %(number)s has no key (at most %(length)s characters).")
                % {"number": number, "length": DOMAIN_KEY_LENGTH}
            )
            continue
        if key in seen:
            faults.append(_("The domain key %(key)s occurs more than once.") % {"key": key})
            continue
        seen.add(key)
        name = _bilingual(item)
        if not name[0] or len(name[0]) > NAME_LENGTH or len(name[1]) > NAME_LENGTH:
            faults.append(
                _("Domain %(key)s has no Dutch name (at most %(length)s characters).")
                % {"key": key, "length": NAME_LENGTH}
            )
        descriptors = item.get("descriptors")
        descriptors = descriptors if isinstance(descriptors, dict) else {}
        texts = {}
        for level in LEVELS:
            if str(level) not in descriptors:
                faults.append(
                    _("Domain %(key)s has no descriptor for level %(level)s.")
                    % {"key": key, "level": level}
                )
                continue
            texts[level] = _bilingual(descriptors[str(level)])
            if not texts[level][0]:
                faults.append(
                    _("Domain %(key)s, level %(level)s: the descriptor is empty.")
                    % {"key": key, "level": level}
                )
        extra = sorted(set(descriptors) - {str(level) for level in LEVELS})
        if extra:
            faults.append(
                _("Domain %(key)s has descriptors for levels the ZRM does not have: %(levels)s.")
                % {"key": key, "levels": ", ".join(extra)}
            )
        result.append({"key": key, "name": name, "descriptors": texts})
    return result


def _parse(data):
    """The version in `data` as plain tuples to store and compare, or ValidationError with every
    fault found."""
    if not isinstance(data, dict):
        raise ValidationError(
            [_("The file holds no ZRM version: a JSON object with version, title and domains.")]
        )
    faults = []
    key = _text(data.get("version"))
    if not key or len(key) > KEY_LENGTH:
        faults.append(
            _('Give the version key ("version", at most %(length)s characters), such as "2017".')
            % {"length": KEY_LENGTH}
        )
    title = _bilingual(data.get("title"))
    if not title[0] or max(map(len, title)) > TITLE_LENGTH:
        faults.append(
            _('Give the title in Dutch ("title": {"nl": ...}, at most %(length)s characters).')
            % {"length": TITLE_LENGTH}
        )
    levels = _levels(data, faults)
    domains = _domains(data, faults)
    authors, copyright_ = _text(data.get("authors")), _text(data.get("copyright"))
    if len(authors) > AUTHORS_LENGTH or len(copyright_) > COPYRIGHT_LENGTH:
        faults.append(
            _("The authors are at most %(authors)s characters, the copyright %(copyright)s.")
            % {"authors": AUTHORS_LENGTH, "copyright": COPYRIGHT_LENGTH}
        )
    if faults:
        raise ValidationError(faults)
    return {
        "key": key,
        "title": title,
        "authors": authors,
        "copyright": copyright_,
        "levels": {level: levels[level] for level in LEVELS},
        "domains": domains,
    }


def _stored(matrix):
    """A loaded version in the shape _parse gives, to tell the same texts from other ones."""
    domains = matrix.domains.prefetch_related("descriptors").order_by("order")
    return {
        "key": matrix.key,
        "title": (matrix.title_nl, matrix.title_en),
        "authors": matrix.authors,
        "copyright": matrix.copyright,
        "levels": {lvl.level: (lvl.name_nl, lvl.name_en) for lvl in matrix.levels.all()},
        "domains": [
            {
                "key": domain.key,
                "name": (domain.name_nl, domain.name_en),
                "descriptors": {d.level: (d.text_nl, d.text_en) for d in domain.descriptors.all()},
            }
            for domain in domains
        ],
    }


@transaction.atomic
def matrix_load(*, acting_user, data):
    """Load a ZRM version from `data` (the parsed JSON file). Returns (matrix, created): loading
    the texts of a version already there changes nothing; other texts under its key are refused,
    so a version assessments use is never changed. acting_user is None from the command line."""
    parsed = _parse(data)
    existing = ZrmMatrix.objects.select_for_update().filter(key=parsed["key"]).first()
    if existing is not None:
        if _stored(existing) != parsed:
            raise ValidationError(
                [
                    _(
                        "Version %(key)s is already loaded with other texts. A loaded version "
                        "is never changed: give these texts a version key of their own."
                    )
                    % {"key": parsed["key"]}
                ]
            )
        return existing, False
    title_nl, title_en = parsed["title"]
    matrix = ZrmMatrix.objects.create(
        key=parsed["key"],
        title_nl=title_nl,
        title_en=title_en,
        authors=parsed["authors"],
        copyright=parsed["copyright"],
        loaded_at=clock.now(),
        loaded_by=acting_user,
    )
    ZrmLevel.objects.bulk_create(
        ZrmLevel(matrix=matrix, level=level, name_nl=nl, name_en=en)
        for level, (nl, en) in parsed["levels"].items()
    )
    descriptors = []
    for order, item in enumerate(parsed["domains"], start=1):
        domain = ZrmDomain.objects.create(
            matrix=matrix,
            key=item["key"],
            order=order,
            name_nl=item["name"][0],
            name_en=item["name"][1],
        )
        descriptors += [
            ZrmDescriptor(domain=domain, level=level, text_nl=nl, text_en=en)
            for level, (nl, en) in item["descriptors"].items()
        ]
    ZrmDescriptor.objects.bulk_create(descriptors)
    return matrix, True


@transaction.atomic
def matrix_make_current(*, acting_user, matrix):
    """New trajectories use `matrix` from now on; running ones keep theirs."""
    ZrmMatrix.objects.select_for_update().filter(is_current=True).exclude(pk=matrix.pk).update(
        is_current=False
    )
    ZrmMatrix.objects.filter(pk=matrix.pk).update(is_current=True)
    matrix.is_current = True
    return matrix
