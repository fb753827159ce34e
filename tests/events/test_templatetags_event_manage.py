import pytest
from django.template import Context, Template

from modus.accounts.models import Membership
from tests.factories import EventFactory, EventOrganiserFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_is_cohost_filter():
    event = EventFactory()
    organiser = EventOrganiserFactory(event=event)
    cohost = MembershipFactory(
        organisation=organiser.organisation, role=Membership.Role.MEMBER
    ).user
    template = Template(
        "{% load event_manage %}{% if user|is_cohost:event %}yes{% else %}no{% endif %}"
    )
    assert template.render(Context({"user": cohost, "event": event})) == "yes"
    assert template.render(Context({"user": UserFactory(), "event": event})) == "no"
