import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from modus.demo import results_data
from modus.demo.loader import load_demo
from modus.events.models import Event
from modus.results import services
from modus.results.models import FollowUpAnswer, Invitation, ResultSnapshot

pytestmark = pytest.mark.django_db


def test_the_series_results_katowice_computed_kosice_published_the_rest_invented(client):
    load_demo(organisations=10, log=lambda line: None)
    snapshots = {
        s.event.slug: s
        for s in ResultSnapshot.objects.filter(event__isnull=False).select_related("event")
    }
    katowice = snapshots[results_data.KATOWICE_SLUG]
    assert katowice.origin == "computed"
    funnel = katowice.figures["b2b"]["funnel"]
    assert funnel["meetings"] > funnel["cooperation"] > funnel["talks"] > 0
    assert katowice.responses == katowice.invited > 0
    # The demo keeps the platform's calendar: the follow-up went six months later, only to the
    # sides of promising meetings, and every answer was open until the follow-up closed.
    event = katowice.event
    follow_ups = Invitation.objects.filter(event=event, kind="follow_up")
    answering = set(
        FollowUpAnswer.objects.filter(meeting__version__event=event).values_list(
            "user_id", flat=True
        )
    )
    assert set(follow_ups.values_list("user_id", flat=True)) == answering
    assert {i.closes_at for i in Invitation.objects.filter(event=event)} == {services.closes(event)}
    assert all(i.answered_at >= services.follow_up_opens(event) for i in follow_ups)
    kosice = snapshots[results_data.KOSICE_SLUG]
    assert kosice.origin == "published" and "Hemp Cluster" in kosice.source
    assert kosice.figures["participation"]["registered"] == 330
    assert kosice.figures["b2b"]["scheduled"] == 145
    invented = [s for s in snapshots.values() if s.origin == "invented"]
    assert len(invented) >= 10
    upcoming = Event.objects.filter(programme__slug=results_data.PROGRAMME_SLUG).latest("starts_on")
    assert upcoming.slug not in snapshots  # announced, not held: no figures

    before = {slug: s.figures for slug, s in snapshots.items()}
    programme = ResultSnapshot.objects.get(programme__slug=results_data.PROGRAMME_SLUG).figures
    results_data.load(log=lambda line: None)
    after = {
        s.event.slug: s.figures
        for s in ResultSnapshot.objects.filter(event__isnull=False).select_related("event")
    }
    assert after == before
    again = ResultSnapshot.objects.get(programme__slug=results_data.PROGRAMME_SLUG).figures
    assert again == programme
    assert len(programme["trends"]) == len(snapshots)

    html = client.get(
        reverse("results:programme", kwargs={"slug": results_data.PROGRAMME_SLUG})
    ).content.decode()
    assert "invented" in html and "published" in html
    assert 'class="results-map"' in html and "Trends across the editions" in html
    page = client.get(reverse("results:edition", kwargs={"slug": results_data.KOSICE_SLUG}))
    assert "Hemp Cluster" in page.content.decode()

    # The demo's Katowice report opens and shows its figures.
    pdf = client.get(reverse("results:edition-pdf", kwargs={"slug": results_data.KATOWICE_SLUG}))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    text = text.replace("\n", " ")
    assert "Results of Clusters meet Regions: Katowice" in text
    assert f"Scheduled {katowice.figures['b2b']['scheduled']}" in text
    assert f"Meetings {funnel['meetings']}" in text
