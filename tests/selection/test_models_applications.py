"""One application per organisation and call; its documents stay private."""

import pytest
from django.db import IntegrityError

from modus.selection import services
from modus.selection.models import Application, document_path

from .conftest import make_applicant

pytestmark = pytest.mark.django_db


def test_one_application_per_organisation_and_call(host_call):
    user, organisation = make_applicant()
    services.start_application(host_call.call, organisation=organisation, actor=user)
    with pytest.raises(IntegrityError):
        Application.objects.create(call=host_call.call, organisation=organisation, title="Again")


def test_only_a_draft_is_editable(host_call, submitted):
    assert not submitted.is_editable
    submitted.status = Application.Status.DRAFT
    assert submitted.is_editable
    assert submitted.get_absolute_url() == f"/calls/applications/{submitted.pk}/"


def test_documents_are_filed_by_call_and_application(host_call, submitted):
    document = submitted.documents.get()
    assert document_path(document, "letter.pdf") == (
        f"applications/{host_call.call.pk}/{submitted.pk}/letter.pdf"
    )
    with pytest.raises(ValueError, match="no public URL"):
        _ = document.file.url
