"""The layer order and the import rules are held by tools; these tests show the tools bite.

Each test copies the source tree to a scratch folder, plants one wrong import and runs the same
tool with the project's own configuration: it must fail and name the import."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.fixture
def scratch(tmp_path):
    """A copy of src/ and pyproject.toml, without caches."""
    shutil.copytree(
        ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache"],
        cwd=folder,
        env={"PYTHONPATH": str(folder / "src"), "PATH": str(BIN)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_contracts_hold_on_the_tree_as_it_is(scratch):
    result = lint_imports(scratch)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_ground_module_importing_a_domain_app_breaks_the_layers(scratch):
    (scratch / "src/modus/web/scratch_wrong.py").write_text(
        "from modus.events.models import Event  # deliberately wrong\n"
    )
    result = lint_imports(scratch)
    assert result.returncode == 1
    assert "modus.web.scratch_wrong -> modus.events.models" in result.stdout


def test_matchmaking_and_selection_may_not_import_each_other(scratch):
    (scratch / "src/modus/selection/scratch_wrong.py").write_text(
        "from modus.matchmaking import models  # deliberately wrong\n"
    )
    result = lint_imports(scratch)
    assert result.returncode == 1
    assert "modus.selection.scratch_wrong -> modus.matchmaking" in result.stdout


def test_the_scheduling_library_may_not_import_django(scratch):
    (scratch / "src/modus/scheduling/scratch_wrong.py").write_text(
        "import django.db  # deliberately wrong\n"
    )
    result = lint_imports(scratch)
    assert result.returncode == 1
    assert "modus.scheduling.scratch_wrong -> django" in result.stdout


def test_an_import_inside_a_function_without_a_stated_reason_fails_ruff(scratch):
    wrong = scratch / "src/modus/web/scratch_wrong.py"
    wrong.write_text("def f():\n    import json\n\n    return json.dumps({})\n")
    ruff = [str(BIN / "ruff"), "check", "--no-cache", str(wrong)]
    result = subprocess.run(ruff, cwd=scratch, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "PLC0415" in result.stdout
    wrong.write_text(
        "def f():\n    import json  # noqa: PLC0415 - a reason\n\n    return json.dumps({})\n"
    )
    result = subprocess.run(ruff, cwd=scratch, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
