from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from modus.directory.reference import collation_key, country_name
from modus.programmes.permissions import is_programme_office
from modus.web.translations import localise, requested_language

from . import selectors


@require_GET
def programme_list(request):
    """Public: every programme with its editions."""
    return render(
        request,
        "programmes/programme_list.html",
        {"programmes": selectors.programmes_with_events()},
    )


@require_GET
def programme_detail(request, slug):
    """Public: a programme's editions on a timeline, upcoming and past, by country and region."""
    programme = get_object_or_404(selectors.programmes_with_events(), slug=slug)
    today = timezone.localdate()
    events = programme.public_events
    # Countries by their names in the page's language, the editions of each by date.
    by_country = sorted(
        (
            (country_name(code) if code else _("Country not given"), list(items))
            for code, items in groupby(
                sorted(events, key=lambda e: (e.country_code, e.starts_on)),
                key=lambda e: e.country_code,
            )
        ),
        key=lambda group: collation_key(str(group[0])),
    )
    by_region = [
        (region, list(items))
        for region, items in groupby(
            sorted(
                events,
                key=lambda e: (e.region is None, e.region.name if e.region else "", e.starts_on),
            ),
            key=lambda e: e.region,
        )
    ]
    # One query for the calls; the office (and staff) also see their drafts, to reach them.
    # Anonymous visitors cost no query for the check.
    office = is_programme_office(request.user, programme)
    calls = [call for call in programme.calls.all() if office or call.status != call.Status.DRAFT]
    localise(calls, requested_language(request))
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "canonical_url": request.build_absolute_uri(programme.get_absolute_url()),
            "calls": calls,
            "is_office": office,
            "past_events": [e for e in events if e.ends_on < today],
            "upcoming_events": [e for e in events if e.ends_on >= today],
            "today": today,
            "events_by_country": by_country,
            "events_by_region": by_region,
        },
    )
