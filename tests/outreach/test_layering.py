"""The layering of docs/architecture.md, checked on the source: every import statement of the
app packages (parsed with `ast`, so imports inside functions count too) runs one way,
outreach ← cases ← network ← zrm ← figures, with devdata above them all, and no app imports
another app's views."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Lower first: a package may import those before it in this list, never those after it.
LAYERS = ["outreach", "cases", "network", "zrm", "figures", "devdata"]


def imported_modules(path, root):
    """The dotted names a module imports, relative imports resolved."""
    package = path.relative_to(root).parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            yield module
            # `from cases import views` imports the views module itself.
            yield from (f"{module}.{alias.name}" for alias in node.names)


def layering_violations(root=ROOT):
    found = []
    for layer, app in enumerate(LAYERS):
        for path in sorted((root / app).rglob("*.py")):
            where = path.relative_to(root).as_posix()
            for module in imported_modules(path, root):
                top, *rest = module.split(".")
                if top not in LAYERS or top == app:
                    continue
                if LAYERS.index(top) > layer:
                    found.append(f"{where} imports {module} (a layer above {app})")
                elif rest[:1] == ["views"]:
                    found.append(f"{where} imports {module} (another app's views)")
    return found


def test_it_finds_no_import_against_the_layering():
    assert layering_violations() == []


def test_it_would_see_a_forbidden_import(tmp_path):
    # The check itself can fail: a copy of the layout with one import against each rule.
    for app in LAYERS:
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "cases" / "timeline.py").write_text("from network.models import NetworkMember\n")
    (tmp_path / "network" / "services.py").write_text("def f():\n    import zrm.services\n")
    (tmp_path / "zrm" / "views.py").write_text("from cases.views import case\n")
    (tmp_path / "outreach" / "demo.py").write_text("from devdata import scale\n")
    assert layering_violations(tmp_path) == [
        "outreach/demo.py imports devdata (a layer above outreach)",
        "outreach/demo.py imports devdata.scale (a layer above outreach)",
        "cases/timeline.py imports network.models (a layer above cases)",
        "cases/timeline.py imports network.models.NetworkMember (a layer above cases)",
        "network/services.py imports zrm.services (a layer above network)",
        "zrm/views.py imports cases.views (another app's views)",
        "zrm/views.py imports cases.views.case (another app's views)",
    ]
