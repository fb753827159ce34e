"""scripts/readme_screenshots.py: the README's pictures come from the demo, as each role sees it."""

import importlib.util
from pathlib import Path

import pytest
from PIL import Image

from modus.demo.loader import load_demo

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "readme_screenshots.py"


def load_script():
    spec = importlib.util.spec_from_file_location("readme_screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.browser
def test_the_script_shoots_the_dashboard_and_the_schedule_grid(
    browser, live_server, transactional_db, tmp_path
):
    load_demo(organisations=0, log=lambda *args: None)
    script = load_script()
    written = script.capture(browser, live_server.url, tmp_path)
    assert [path.name for path in written] == [
        "screenshot.png",
        "screenshot-dashboard.png",
        "screenshot-schedule.png",
    ]
    for path in written:
        with Image.open(path) as image:
            assert image.size[0] == 1280 and image.size[1] >= 800
            # a real page, not a blank one: many colours
            assert len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 50
    # each README picture is in docs/ and shown in the README
    readme = (SCRIPT.parents[1] / "README.md").read_text()
    for path in written:
        assert f"(docs/{path.name})" in readme
        assert (SCRIPT.parents[1] / "docs" / path.name).exists()
