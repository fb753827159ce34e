"""Browser test of feedback and follow-up: a participant reads the feedback e-mail, answers it on
a phone without logging in, answers the follow-up six months later (the clock moved), and the
edition's results page counts the answers. Every page is checked with axe in English, Czech
and Polish."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from modus.results import services
from modus.results.models import Invitation
from tests.factories import EventOrganiserFactory, MembershipFactory
from tests.results.conftest import build_edition, sides

from .conftest import VIEWPORTS, log_in, success

pytestmark = pytest.mark.browser

ENDED = dt.date(2027, 1, 10)
START = dt.datetime(2027, 1, 12, 9, 0, tzinfo=dt.UTC)
LANGUAGES = ("en", "cs", "pl")


def link_for(user, kind: str) -> str:
    """The link of the latest e-mail of this kind to this person (the locmem outbox)."""
    marker = "/results/feedback/" if kind == "feedback" else "/results/follow-up/"
    bodies = [m.body for m in mail.outbox if m.to == [user.email] and marker in m.body]
    assert bodies, f"no {kind} e-mail to {user.email}"
    return re.search(r"https?://\S+", bodies[-1]).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def check_in_languages(ui, path: str, step: str) -> None:
    """The page at ``path`` in each language (``?lang=``), checked with axe at both sizes."""
    base = path.split("?")[0]
    for language in LANGUAGES:
        page = ui.goto(f"{base}?lang={language}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        ui.check(f"{step}-{language}")


def answer_for_others(event, meetings, kind: str, choose) -> None:
    """The first side of each other meeting answers through the same services."""
    for meeting in meetings:
        user = sides(meeting)[0]
        invitation = Invitation.objects.get(event=event, user=user, kind=kind)
        if kind == "feedback":
            services.save_feedback(
                invitation,
                version=invitation.version,
                ratings={meeting.pk: "cooperation"},
                usefulness=4,
                would_return=True,
            )
        else:
            services.save_follow_up(
                invitation, version=invitation.version, answers={meeting.pk: (choose(meeting), "")}
            )


def test_feedback_on_a_phone_then_the_follow_up_six_months_later(ui, live_server, settings):
    settings.SITE_URL = live_server.url
    with time_machine.travel(START, tick=True) as clock:
        event, meetings = build_edition(
            pairs=6, starts_on=ENDED - dt.timedelta(days=1), ends_on=ENDED, slug="katowice-test"
        )
        me = sides(meetings[0])[0]
        me.preferred_language = "pl"
        me.save(update_fields=["preferred_language"])
        others = meetings[1:]

        # The hourly job mails everyone once; the participant's e-mail is in Polish.
        assert services.send_follow_ups()["feedback"] == 12
        subject = next(m.subject for m in mail.outbox if m.to == [me.email])
        assert subject == f"Twoja opinia o wydarzeniu {event.name}"
        answer_for_others(event, others, "feedback", None)

        # On a phone, without logging in: the link from the e-mail.
        feedback_link = link_for(me, "feedback")
        page = ui.goto(path_of(feedback_link))
        ui.check("feedback-form")
        page.set_viewport_size(VIEWPORTS["phone"])
        expect(page.get_by_role("heading", level=1)).to_contain_text(event.name)
        page.get_by_role("group", name="Jak wypadło to spotkanie?").get_by_label(
            "Współpraca możliwa"
        ).check()
        page.get_by_role("group", name="Jak przydatne było").get_by_label(
            "5 – bardzo przydatne"
        ).check()
        page.get_by_role("group", name="Czy przyjedziesz").get_by_label("Tak").check()
        page.get_by_role("button", name="Wyślij odpowiedzi").click()
        success(page, "Dziękujemy: Twoje odpowiedzi zostały zapisane.")
        expect(page.get_by_label("Współpraca możliwa")).to_be_checked()
        ui.check("feedback-saved")
        check_in_languages(ui, path_of(page.url), "feedback-form")

        # The link from the e-mail is spent: a clear page, in every language.
        used = ui.page.goto(feedback_link)
        assert used.status == 410
        expect(ui.page.get_by_role("heading", level=1)).to_have_text("Tego linku nie można użyć")
        ui.check("feedback-used")
        for language in ("en", "cs"):
            assert ui.page.goto(f"{feedback_link.split('?')[0]}?lang={language}").status == 410
            ui.check(f"feedback-used-{language}")

        # Six months later the follow-up goes to both sides of each promising meeting.
        clock.move_to(dt.datetime(2027, 7, 10, 9, 0, tzinfo=dt.UTC))
        assert services.send_follow_ups()["follow_up"] == 12
        answer_for_others(
            event, others, "follow_up", lambda m: "funded" if m != others[-1] else "talks"
        )
        follow_up_link = link_for(me, "follow_up")
        page = ui.goto(path_of(follow_up_link))
        ui.check("follow-up-form")
        page.set_viewport_size(VIEWPORTS["phone"])
        page.get_by_label("Wspólny projekt sfinansowany").check()
        page.get_by_label("Coś do dodania? (opcjonalnie)").fill("Interreg Central Europe")
        page.get_by_role("button", name="Wyślij odpowiedzi").click()
        success(page, "Dziękujemy: Twoje odpowiedzi zostały zapisane.")
        ui.check("follow-up-saved")
        check_in_languages(ui, path_of(page.url), "follow-up-form")

        # The figures are recomputed by the job (cron without a broker) and counted: the fifth
        # "funded" answer lifts the count over the public threshold of five.
        call_command("compute_results")
        page = ui.goto(f"/results/events/{event.slug}/?lang=en")
        funded = page.locator("tr", has=page.get_by_role("rowheader", name="Joint project funded"))
        expect(funded.first).to_contain_text("5")
        # The charts say the same in words: six rated "cooperation possible", five funded.
        ratings = page.get_by_role("img", name=re.compile(r"Ratings of the meetings"))
        expect(ratings).to_have_accessible_name(re.compile(r"Cooperation possible: 6"))
        funnel = page.get_by_role("img", name=re.compile(r"The cooperation funnel"))
        expect(funnel).to_have_accessible_name(re.compile(r"Funded project: 5"))
        check_in_languages(ui, f"/results/events/{event.slug}/", "results")

        # The co-hosts see the response rates and send one more reminder, once.
        cohost = MembershipFactory().user
        EventOrganiserFactory(event=event, organisation=cohost.memberships.get().organisation)
        page = log_in(ui, cohost, f"/results/events/{event.slug}/responses/")
        ui.check("responses")
        waiting = page.get_by_role("button", name=re.compile("Remind 6 people: Follow-up"))
        waiting.click()
        success(page, "Reminders sent: 6.")
        expect(page.get_by_role("button", name=re.compile("Follow-up"))).to_have_count(0)
        check_in_languages(ui, f"/results/events/{event.slug}/responses/", "responses")
