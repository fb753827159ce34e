"""A participant with published meetings ahead erases their account in the browser: the page
lists what goes and warns that the partners will be told (axe-checked), the password confirms,
and the partner's agenda then shows the meeting cancelled without the name."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from modus.accounts.models import User
from tests.factories import MarketplaceProfileFactory, MatchmakingSettingsFactory
from tests.matchmaking.support import make_version

from .conftest import PASSWORD, log_in, success

pytestmark = pytest.mark.browser

NAME = "Zdzisława Erasmusówna"


def test_a_participant_erases_their_account_and_the_partner_is_told(ui):
    event = MatchmakingSettingsFactory(event__name="Cluster Days Brno").event
    mine = MarketplaceProfileFactory(event=event, user__full_name=NAME)
    partner = MarketplaceProfileFactory(event=event, user__full_name="Bořivoj Dvořák")
    make_version(event, [(mine, partner)])

    page = log_in(ui, mine.user, next_path="/accounts/profile/delete/")
    ui.check("erase-page")
    main = page.locator("main")
    expect(main).to_contain_text("What will be removed")
    expect(main).to_contain_text("Your one-to-one meetings and their outcomes: 1")
    expect(main).to_contain_text(
        "Your 1 meeting still ahead will be cancelled, and your partner told by e-mail."
    )
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand that my account and its data are erased for good.").check()
    page.locator("main form button[type=submit]").click()
    success(page, "Your account is erased.")
    ui.check("erased")
    assert not User.objects.filter(full_name=NAME).exists()
    assert [message.to for message in mail.outbox] == [[partner.user.email]]

    page = log_in(ui, partner.user, next_path="/me/")
    ui.check("partner-dashboard")
    expect(page.locator("main")).not_to_contain_text(NAME)
    ui.goto(f"/matchmaking/{event.slug}/meetings/")
    ui.check("partner-meetings")
    expect(page.locator("main")).not_to_contain_text(NAME)
