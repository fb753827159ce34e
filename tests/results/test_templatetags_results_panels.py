from django.template import Context, Template

from tests.factories import EventFactory


def render(event, tab=""):
    template = Template("{% load results_panels %}{% results_manage_items event tab %}")
    return template.render(Context({"event": event, "tab": tab}))


def test_the_manage_menu_items_link_results_and_feedback(db):
    event = EventFactory(status="published")
    html = render(event, "feedback")
    assert f"/results/events/{event.slug}/full/" in html
    assert f'/results/events/{event.slug}/responses/" aria-current="page"' in html


def test_a_draft_event_has_no_results_yet(db):
    assert render(EventFactory(status="draft")).strip() == ""
