"""The applicant's forms: which organisation applies, and the application itself."""

import pytest
from django.utils import translation

from modus.selection import services
from modus.selection.forms.applicant import ApplicationForm, ApplyForm
from tests.factories import OrganisationFactory, RegionFactory

from .conftest import make_applicant, pdf_upload

pytestmark = pytest.mark.django_db


def test_only_the_users_organisations_may_apply():
    mine, other = OrganisationFactory(name="Mine"), OrganisationFactory(name="Other")
    form = ApplyForm({"organisation": str(other.pk)}, organisations=[mine])
    assert not form.is_valid()
    assert ApplyForm({"organisation": str(mine.pk)}, organisations=[mine]).is_valid()


def test_a_host_application_asks_what_the_host_proposes(host_call):
    user, organisation = make_applicant()
    draft = services.start_application(host_call.call, organisation=organisation, actor=user)
    RegionFactory(code="PL22", name="Śląskie", country_code="PL", level=2)
    form = ApplicationForm(application=draft)
    for name in ApplicationForm.HOST_FIELDS:
        assert name in form.fields
    assert [q for q, _field in form.question_fields()] == [host_call.question]
    assert [r for r, _field in form.document_fields()] == [host_call.letter]
    assert organisation.pk not in [pk for pk, _name in form.fields["co_organisers"].widget.choices]


def test_a_pitch_asks_no_host_facts(pitch_call):
    user, organisation = make_applicant(kind="company")
    draft = services.start_application(pitch_call.call, organisation=organisation, actor=user)
    form = ApplicationForm(application=draft)
    assert not set(ApplicationForm.HOST_FIELDS) & set(form.fields)


def test_the_draft_values_and_the_uploads(host_call):
    user, organisation = make_applicant()
    draft = services.start_application(host_call.call, organisation=organisation, actor=user)
    question, letter = host_call.question, host_call.letter
    upload = pdf_upload()
    form = ApplicationForm(
        {"title": "Silesia", "summary": "Energy", f"question_{question.pk}": "Because"},
        {f"document_{letter.pk}": upload},
        application=draft,
    )
    assert form.is_valid(), form.errors
    values = form.draft_values()
    assert values["title"] == "Silesia"
    assert values["answers"] == {str(question.pk): "Because"}
    assert values["region"] is None and values["ecosystems"] == []
    assert form.uploads() == [(letter, upload)]


def test_host_regions_are_grouped_by_country_names_in_the_page_language(host_call):
    user, organisation = make_applicant()
    draft = services.start_application(host_call.call, organisation=organisation, actor=user)
    for code, country in [("SK04", "SK"), ("CZ08", "CZ"), ("DE11", "DE")]:
        RegionFactory(code=code, name=f"Region {code}", country_code=country, level=2)
    with translation.override("cs"):
        form = ApplicationForm(application=draft)
        groups = [label for label, _items in form.fields["region"].widget.choices[1:]]
    assert groups == ["Česko", "Německo", "Slovensko"]  # by code point, Česko came last
