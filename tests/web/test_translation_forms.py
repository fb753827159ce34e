"""One field per language: the admin's forms and fieldsets, and the site's plain forms."""

import pytest
from django import forms
from django.urls import reverse

from modus.events.models import Event, Session
from modus.partners.models import Opportunity
from modus.selection.models import Call
from modus.web.translation_forms import (
    PlainTranslationsMixin,
    add_translation_fields,
    translated_admin_form,
)
from tests.factories import EventFactory, SessionFactory


class NoteForm(PlainTranslationsMixin, forms.Form):
    translatable_fields = ("title",)
    title = forms.CharField(max_length=10)
    original_language = forms.ChoiceField(choices=[("en", "en"), ("cs", "cs"), ("pl", "pl")])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_translation_fields(self, self.translatable_fields, {"pl": {"title": "Notatka"}})


def test_a_plain_form_reads_its_translations_and_drops_the_originals_language():
    form = NoteForm(
        {"title": "Note", "original_language": "cs", "title__cs": "x", "title__pl": "P"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["translations"] == {"pl": {"title": "P"}}
    assert "title__pl" not in form.cleaned_data
    assert [tab.code for tab in form.translation_tabs] == ["cs", "en", "pl"]
    assert NoteForm().initial["title__pl"] == "Notatka"


def test_a_translation_keeps_the_fields_limit():
    form = NoteForm({"title": "Note", "original_language": "en", "title__pl": "x" * 11})
    assert not form.is_valid() and "title__pl" in form.errors
    assert form.translation_tabs[2].has_errors


@pytest.mark.parametrize("model", [Event, Session, Call, Opportunity])
def test_the_admin_form_has_every_editable_field_and_one_per_language(model):
    form_class = translated_admin_form(model)
    assert "translations" not in form_class.base_fields
    assert "original_language" in form_class.base_fields
    for name in model.translatable_fields:
        assert {f"{name}__cs", f"{name}__pl"} <= set(form_class.base_fields)


@pytest.mark.django_db
def test_the_admin_shows_a_fieldset_per_language_for_events_and_sessions(admin_client):
    event = EventFactory(translations={"pl": {"name": "Klastry"}})
    session = SessionFactory(event=event)
    html = admin_client.get(reverse("admin:events_event_change", args=[event.pk])).content
    html = html.decode()
    assert 'name="name__pl" value="Klastry"' in html and 'name="description__cs"' in html
    url = reverse("admin:events_session_change", args=[session.pk])
    assert 'name="abstract__pl"' in admin_client.get(url).content.decode()
