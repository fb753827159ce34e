import pytest
from django.urls import reverse

from modus.selection import services
from modus.selection.models import AudienceVote, Reminder
from tests.factories import RegistrationFactory, UserFactory

from .conftest import make_applicant, make_reviewer, pdf_upload, submit_complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(host_call, pitch_call):
    application, user = submit_complete(host_call)
    reviewer = make_reviewer()
    review = services.assign_reviewer(
        application, reviewer=reviewer, actor=host_call.office, notify=False
    )
    services.save_review(
        review, actor=reviewer, scores={c.pk: (4, "Fine") for c in host_call.criteria}
    )
    pitcher, company = make_applicant("pitcher@example.org", kind="company")
    pitch = services.start_application(pitch_call.call, organisation=company, actor=pitcher)
    services.save_draft(pitch, actor=pitcher, summary="A drone for orchards.")
    deck = pitch_call.call.documents.get()
    services.attach_document(pitch, requirement=deck, upload=pdf_upload("deck.pdf"), actor=pitcher)
    services.submit_application(pitch, actor=pitcher)
    services.accept_application(pitch, actor=pitch_call.cohost)
    services.set_voting(pitch_call.call, actor=pitch_call.cohost, open=True)
    voter = RegistrationFactory(event=pitch_call.event).user
    vote, _created = services.cast_vote(pitch_call.call, pitch, user=voter)
    return {
        "call": host_call.call,
        "cutoff": host_call.call.cut_offs.first(),
        "application": application,
        "applicationdocument": application.documents.get(),
        "review": review,
        "audiencevote": vote,
        "reminder": Reminder.objects.create(key="cut-off:1", user=user),
    }


def test_staff_browse_and_open_every_selection_model(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    for name, obj in data.items():
        changelist = client.get(reverse(f"admin:selection_{name}_changelist"))
        assert changelist.status_code == 200, name
        change = client.get(reverse(f"admin:selection_{name}_change", args=[obj.pk]))
        assert change.status_code == 200, name


def test_application_changelist_filters_by_call_status_and_cut_off(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    application = data["application"]
    response = client.get(
        reverse("admin:selection_application_changelist"),
        {
            "call__id__exact": application.call_id,
            "status__exact": "submitted",
            "cut_off__id__exact": application.cut_off_id,
        },
    )
    assert response.status_code == 200
    assert application.title in response.content.decode()


def test_documents_link_to_the_checked_download_view_never_to_the_file(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    application = data["application"]
    document = data["applicationdocument"]
    html = client.get(
        reverse("admin:selection_application_change", args=[application.pk])
    ).content.decode()
    assert f"/applications/{application.pk}/documents/{document.pk}/" in html
    assert document.file.name not in html


def test_votes_are_read_only(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:selection_audiencevote_add")).status_code == 403
    vote = data["audiencevote"]
    response = client.post(reverse("admin:selection_audiencevote_delete", args=[vote.pk]))
    assert response.status_code == 403
    assert AudienceVote.objects.count() == 1


def test_the_application_shows_its_log_read_only(client, data):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    application = data["application"]
    url = reverse("admin:selection_application_change", args=[application.pk])
    html = client.get(url).content.decode()
    reviewer = str(data["review"].reviewer)
    for words in ("Draft started", "Submitted", "Reviewer assigned", reviewer):
        assert words in html
    prefix = "activity-actionlogentry-content_type-object_id"
    assert f'name="{prefix}-0-note"' not in html
    assert f'name="{prefix}-0-DELETE"' not in html
    entries = list(application.action_log.values_list("pk", "note"))
    client.post(url, {f"{prefix}-0-note": "Changed", f"{prefix}-0-DELETE": "on"})
    assert list(application.action_log.values_list("pk", "note")) == entries


def test_non_staff_are_kept_out(client, data):
    client.force_login(UserFactory())
    response = client.get(reverse("admin:selection_application_changelist"))
    assert response.status_code == 302
