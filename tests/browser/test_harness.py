"""The checks themselves: axe-core must catch a broken page, or every other test proves nothing."""

import pytest

from .conftest import describe_violations, is_failing_violation

BROKEN_PAGE = """<!DOCTYPE html><html><head></head><body>
<form><input type="text" name="q"><button></button></form>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p>Outside any landmark</p><a href="/x"></a>
</body></html>"""


@pytest.mark.browser
def test_axe_reports_the_violations_that_fail_a_page(browser, axe):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(BROKEN_PAGE)
        violations = axe.run(page).response["violations"]
    finally:
        context.close()
    failing = {violation["id"] for violation in violations if is_failing_violation(violation)}
    expected = {"document-title", "html-has-lang", "label", "button-name", "image-alt", "link-name"}
    assert expected <= failing, describe_violations(violations)
    assert "region" in failing
