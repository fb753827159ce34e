import datetime as dt

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from modus.matchmaking import services as mm_services
from modus.partners.models import Impression, Nudge
from modus.partners.suggestions import store
from modus.partners.suggestions.reasons import in_words


def test_compute_stores_ranked_suggestions_served_in_one_query(pair, django_assert_num_queries):
    alice, bob = pair
    with django_assert_num_queries(1):
        suggestions = store.suggestions_for(bob)
    assert suggestions[0].candidate == alice
    assert suggestions[0].reasons[0]["code"] == "offers"


def test_the_marketplace_shows_reasons_and_counts_requests_that_follow(client, event, pair, cohost):
    alice, bob = pair
    client.force_login(bob.user)
    page = client.get(reverse("matchmaking:marketplace", kwargs={"slug": event.slug}))
    html = page.content.decode()
    assert "People you should meet" in html
    assert "offers “Hydrogen storage testing”, which you request" in html
    assert Impression.objects.filter(profile=bob, candidate=alice).exists()
    mm_services.request_meeting(event, actor=bob.user, to_profile=alice)
    assert store.requests_from_suggestions(event) == {"total": 1, "suggested": 1}
    assert store.suggestions_for(bob) == [] or store.suggestions_for(bob)[0].candidate != alice
    client.force_login(cohost)
    html = client.get(reverse("matchmaking:schedule", kwargs={"slug": event.slug})).content
    assert "1 of 1 meeting requests followed a suggestion." in html.decode()


def test_reasons_are_in_the_page_language():
    with override("pl"):
        text = in_words({"code": "wants_your_country", "params": {}})
    assert text != "asked for partners from your country"


def test_nudge_goes_once_before_the_deadline(event, pair):
    settings = event.matchmaking_settings
    settings.request_deadline = timezone.now() + dt.timedelta(days=1)
    settings.save()
    assert store.send_nudges(event) >= 2
    assert Nudge.objects.count() >= 2
    sent = len(mail.outbox)
    assert store.send_nudges(event) == 0 and len(mail.outbox) == sent
    assert any("Hydrogen storage testing" in m.body for m in mail.outbox)
