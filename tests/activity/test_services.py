import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from modus.activity.models import ActionLogEntry
from modus.activity.registry import describe_actions, describe_notes, label_for
from modus.activity.selectors import actions_on
from modus.activity.services import log_action, redact
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_action_is_logged_on_its_object_with_who_and_what():
    organisation = OrganisationFactory()
    user = UserFactory(full_name="Jana Nováková")
    entry = log_action(
        organisation, "directory.organisation.changed", actor=user, data={"name": ["A", "B"]}
    )
    assert entry.target == organisation
    assert entry.actor == user
    assert entry.data == {"name": ["A", "B"]}
    assert list(actions_on(organisation)) == [entry]


def test_the_log_of_one_object_leaves_out_the_others_and_is_newest_first():
    first, second = OrganisationFactory(), OrganisationFactory()
    older = log_action(first, "test.one")
    log_action(second, "test.other")
    newer = log_action(first, "test.two")
    assert list(actions_on(first)) == [newer, older]


def test_an_anonymous_actor_is_stored_as_nobody():
    entry = log_action(OrganisationFactory(), "test.anonymous", actor=AnonymousUser())
    assert entry.actor is None


def test_a_label_is_looked_up_by_code_and_unknown_codes_show_themselves():
    describe_actions({"test.labelled": gettext_lazy("Something happened")})
    assert str(label_for("test.labelled")) == "Something happened"
    assert label_for("test.unknown") == "test.unknown"


def test_the_template_tag_shows_the_history(django_assert_max_num_queries):
    organisation = OrganisationFactory()
    user = UserFactory(full_name="Piotr Kowalski")
    describe_actions({"test.shown": gettext_lazy("Capacity changed")})
    for _ in range(3):
        log_action(organisation, "test.shown", actor=user, note="80 → 120")
    template = Template("{% load action_log %}{% action_log target %}")
    with django_assert_max_num_queries(2):
        html = template.render(Context({"target": organisation}))
    assert html.count("Capacity changed: 80 → 120") == 3
    assert "Piotr Kowalski" in html
    assert ActionLogEntry.objects.count() == 3


def test_a_note_of_figures_is_worded_in_the_readers_language_from_its_data():
    """The note stored is in the writer's language; an app that says how to word the figures
    has them read in the reader's, and the stored note stays for data that lacks them."""
    describe_notes({"test.figures": lambda data: gettext("Page %(number)s of %(total)s") % data})
    organisation = OrganisationFactory()
    worded = log_action(
        organisation, "test.figures", note="Page 2 of 5", data={"number": 2, "total": 5}
    )
    old = log_action(organisation, "test.figures", note="as it was written", data={})
    plain = log_action(organisation, "test.unworded", note="80 → 120", data={"number": 1})
    with translation.override("cs"):
        assert worded.note_shown == "Strana 2 z 5"
        html = Template("{% load action_log %}{% action_log target %}").render(
            Context({"target": organisation})
        )
    assert "Strana 2 z 5" in html and "Page 2 of 5" not in html
    assert old.note_shown == "as it was written" and plain.note_shown == "80 → 120"


def test_redact_replaces_whole_words_only_in_every_note():
    organisation = OrganisationFactory()
    moved = log_action(organisation, "test.moved", note="Jan Nowak – Bořivoj Dvořák: s1 → s2")
    other = log_action(organisation, "test.other", note="Janusz Nowakowski and jan nowak")
    untouched = log_action(organisation, "test.untouched", note="Nothing to see")
    assert redact(["Jan Nowak", "", "jn"], "Former participant") == 2
    for entry in (moved, other, untouched):
        entry.refresh_from_db()
    assert moved.note == "Former participant – Bořivoj Dvořák: s1 → s2"
    assert other.note == "Janusz Nowakowski and Former participant"
    assert untouched.note == "Nothing to see"
    assert redact([], "x") == 0
