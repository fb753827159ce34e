"""Reads of calls: who sees which, the list with its next cut-offs, one call and its parts."""

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from modus.selection import selectors, services
from modus.selection.models import Call
from tests.factories import EventOrganiserFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _draft_host_call(host_call):
    return services.create_call(
        actor=host_call.office,
        purpose=Call.Purpose.HOST,
        programme=host_call.programme,
        title="Next year's call",
    )


def test_drafts_are_visible_only_to_the_people_who_run_them(host_call, other_office):
    draft = _draft_host_call(host_call)
    services.close_call(host_call.call, actor=host_call.office)
    everyone = {host_call.call}
    assert set(selectors.visible_calls(None)) == everyone
    assert set(selectors.visible_calls(UserFactory())) == everyone
    assert set(selectors.visible_calls(other_office)) == everyone
    assert set(selectors.visible_calls(host_call.office)) == everyone | {draft}
    assert set(selectors.visible_calls(UserFactory(is_staff=True))) == everyone | {draft}
    assert set(selectors.visible_calls(UserFactory(is_active=False))) == everyone


def test_a_pitch_call_draft_is_visible_to_the_events_cohosts(pitch_call):
    services.close_call(pitch_call.call, actor=pitch_call.cohost)
    Call.objects.filter(pk=pitch_call.call.pk).update(status=Call.Status.DRAFT)
    assert list(selectors.visible_calls(pitch_call.cohost)) == [pitch_call.call]
    partner = UserFactory()
    MembershipFactory(
        user=partner,
        organisation=EventOrganiserFactory(event=pitch_call.event, role="partner").organisation,
    )
    assert list(selectors.visible_calls(partner)) == []


def test_the_list_marks_past_cut_offs_and_the_next_one(host_call):
    first, second = host_call.call.cut_offs.order_by("deadline")
    services.add_cut_off(
        host_call.call,
        actor=host_call.office,
        local_deadline=dt.datetime(2020, 1, 10, 18, 0),
        time_zone="Europe/Warsaw",
    )
    (call,) = selectors.listed_calls(None)
    assert call.next_cut_off == first
    cut_offs = selectors.mark_cut_offs(call, now=first.deadline)
    assert [c.is_past for c in cut_offs] == [True, True, False]
    assert call.next_cut_off == second
    selectors.mark_cut_offs(call, now=timezone.now() + dt.timedelta(days=400))
    assert call.next_cut_off is None


def test_the_api_list_filters_by_purpose_and_status(host_call, pitch_call):
    assert list(selectors.calls_for(None, purpose="pitches")) == [pitch_call.call]
    assert list(selectors.calls_for(None, status="closed")) == []
    assert set(selectors.calls_for(None)) == {host_call.call, pitch_call.call}


def test_one_call_of_a_purpose(host_call, pitch_call):
    assert selectors.call_or_404(pitch_call.call.slug, purpose="pitches") == pitch_call.call
    with pytest.raises(Http404):
        selectors.call_or_404(host_call.call.slug, purpose="pitches")
    with pytest.raises(Http404):
        selectors.call_or_404("no-such-call")


def test_the_parts_of_a_call_come_in_its_order(host_call):
    services.add_criterion(host_call.call, actor=host_call.office, title="Third", weight=1)
    parts = selectors.call_parts(host_call.call)
    assert [c.title for c in parts["criteria"]] == ["Relevance", "Capacity to host", "Third"]
    assert [q.text for q in parts["questions"]] == ["Why your region?"]
    assert [d.title for d in parts["documents"]] == [host_call.letter.title]


def test_a_part_of_another_call_is_404(host_call, pitch_call):
    criterion = pitch_call.criteria[0]
    assert selectors.call_part_or_404(type(criterion), pitch_call.call, criterion.pk) == criterion
    with pytest.raises(Http404):
        selectors.call_part_or_404(type(criterion), host_call.call, criterion.pk)


def test_the_jury_by_name(pitch_call):
    zoe = UserFactory(full_name="Zoë Zeman", email="a@example.org")
    adam = UserFactory(full_name="Adam Adamec", email="z@example.org")
    pitch_call.call.panel.add(zoe, adam)
    assert list(selectors.jury_of(pitch_call.call)) == [adam, zoe]
    assert selectors.jury_member_or_404(pitch_call.call, adam.pk) == adam
    with pytest.raises(Http404):
        selectors.jury_member_or_404(pitch_call.call, pitch_call.cohost.pk)
