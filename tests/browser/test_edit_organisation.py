"""An organisation admin edits their own profile, by mouse and with the keyboard in mind."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from modus.accounts.models import Membership
from modus.directory.models import Organisation
from tests.factories import PASSWORD, MembershipFactory, UserFactory

AVIATION = "Moravian-Silesian Aviation Cluster"
NEW_DESCRIPTION = "We connect aviation firms in Ostrava with research and training partners."

UNLABELLED_FIELDS = """(form) => [...form.elements]
    .filter((el) => ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName))
    .filter((el) => !["hidden", "submit", "button"].includes(el.type))
    .filter((el) => el.labels.length === 0 && !el.getAttribute("aria-labelledby")
                    && !el.getAttribute("aria-label"))
    .map((el) => el.name)"""


# Where keyboard focus starts on a page without autofocus: before the first element.
FOCUS_FROM_TOP = """() => {
    const start = document.createElement("span");
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.remove();
}"""


def first_tab_stop_is_the_skip_link(page, *, from_top=False) -> None:
    """Tab once: the skip link takes focus, and Enter moves focus to the main content.

    ``from_top`` first puts focus at the top of the document, for pages that focus a field
    on load (the login form focuses its e-mail field, so Tab would go on to the password).
    """
    if from_top:
        page.evaluate(FOCUS_FROM_TOP)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.getAttribute('href'), document.activeElement.textContent]"
    )
    assert focused == ["#main", "Skip to content"], focused
    page.keyboard.press("Enter")
    # Following the in-page link moves focus asynchronously; wait for it rather than race it.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")


def assert_fields_labelled(form) -> None:
    assert form.evaluate(UNLABELLED_FIELDS) == []


@pytest.mark.browser
def test_admin_edits_their_organisation(ui, demo):
    organisation = Organisation.objects.get(name=AVIATION)
    user = UserFactory(email="admin@aviation.example", full_name="Petra Admin")
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.ADMIN)

    page = ui.goto(organisation.get_absolute_url())
    first_tab_stop_is_the_skip_link(page)
    expect(page.get_by_role("link", name=re.compile(r"^Edit", re.I))).to_have_count(0)
    ui.check("public-before")

    page.get_by_role("banner").get_by_role("link", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    first_tab_stop_is_the_skip_link(page, from_top=True)
    login_form = page.locator("main form").first
    assert_fields_labelled(login_form)
    ui.check("login")

    page.get_by_label(re.compile("e-mail", re.I)).fill(user.email)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
    ui.check("signed-in")

    ui.goto(organisation.get_absolute_url())
    page.locator("main").get_by_role("link", name=re.compile(r"^Edit", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/edit/(#main)?$"))
    first_tab_stop_is_the_skip_link(page)
    edit_form = page.locator("main form", has=page.locator("textarea[name=description]"))
    assert_fields_labelled(edit_form)
    ui.check("edit-form")

    edit_form.get_by_label(re.compile(r"^description$", re.I)).fill(NEW_DESCRIPTION)
    edit_form.get_by_role("button", name=re.compile(r"^save", re.I)).click()
    # The skip link added "#main" to the form's URL; the redirect keeps that fragment.
    expect(page).to_have_url(re.compile(re.escape(organisation.get_absolute_url()) + "(#main)?$"))
    expect(page.locator("main")).to_contain_text(NEW_DESCRIPTION)
    ui.check("saved")

    organisation.refresh_from_db()
    assert organisation.description == NEW_DESCRIPTION


def sign_in(ui, user) -> None:
    """A session cookie for ``user`` (the login form itself is tested above)."""

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    ui.page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": ui.base_url}])


@pytest.mark.browser
def test_someone_elses_organisation_cannot_be_edited(ui, demo):
    organisation = Organisation.objects.get(name=AVIATION)
    other = Organisation.objects.exclude(pk=organisation.pk).first()
    user = UserFactory(email="admin@other.example")
    MembershipFactory(user=user, organisation=other, role=Membership.Role.ADMIN)
    sign_in(ui, user)

    page = ui.goto(organisation.get_absolute_url())
    expect(page.get_by_role("banner")).to_contain_text("My account")
    expect(page.get_by_role("link", name=re.compile(r"^Edit", re.I))).to_have_count(0)
    ui.check("public")

    response = page.goto(ui.url(organisation.get_absolute_url() + "edit/"))
    assert response.status == 403
    expect(page.locator("main textarea")).to_have_count(0)
    ui.check("refused")
    organisation.refresh_from_db()
    assert organisation.description != NEW_DESCRIPTION
