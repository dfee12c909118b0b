"""Load the ZRM 2013 texts from zrm/matrices/zrm_2013.json. A later version gets its own file and
migration; texts are never edited in the database."""

import json
from pathlib import Path

from django.db import migrations

MATRIX = Path(__file__).resolve().parent.parent / "matrices" / "zrm_2013.json"


def load(apps, schema_editor):
    data = json.loads(MATRIX.read_text(encoding="utf-8"))
    ZrmMatrix = apps.get_model("zrm", "ZrmMatrix")
    matrix = ZrmMatrix.objects.create(
        key=data["version"], title_nl=data["title"]["nl"], title_en=data["title"]["en"],
        authors=data["authors"], copyright=data["copyright"],
    )
    ZrmLevel = apps.get_model("zrm", "ZrmLevel")
    for level in data["levels"]:
        ZrmLevel.objects.create(matrix=matrix, level=level["level"], name_nl=level["nl"],
                                name_en=level["en"])
    ZrmDomain = apps.get_model("zrm", "ZrmDomain")
    ZrmDescriptor = apps.get_model("zrm", "ZrmDescriptor")
    for order, domain in enumerate(data["domains"], start=1):
        row = ZrmDomain.objects.create(matrix=matrix, key=domain["key"], order=order,
                                       name_nl=domain["nl"], name_en=domain["en"])
        for level, text in domain["descriptors"].items():
            ZrmDescriptor.objects.create(domain=row, level=int(level), text_nl=text["nl"],
                                         text_en=text["en"])


def unload(apps, schema_editor):
    apps.get_model("zrm", "ZrmMatrix").objects.filter(key="2013").delete()


class Migration(migrations.Migration):
    dependencies = [("zrm", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
