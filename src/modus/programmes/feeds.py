"""Atom feed of a programme's events. Public."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from modus.events.selectors import programme_events

from .models import Programme
from .selectors import programmes

FEED_LENGTH = 50


class ProgrammeEventsFeed(Feed):
    """Public: the published, postponed and cancelled editions of one programme, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        try:
            return programmes().get(slug=slug)
        except Programme.DoesNotExist as error:
            raise Http404 from error

    def title(self, programme):
        return _("Events of %(programme)s") % {"programme": programme.name}

    def link(self, programme):
        return programme.get_absolute_url()

    def subtitle(self, programme):
        return _("Editions of the programme run by %(owner)s.") % {"owner": programme.owner.name}

    def author_name(self, programme):
        return programme.owner.name

    def items(self, programme):
        return programme_events(programme)[:FEED_LENGTH]

    def item_title(self, event):
        title = event.name
        if event.status != event.Status.PUBLISHED:
            title = f"{title} ({event.get_status_display()})"
        return title

    def item_description(self, event):
        place = ", ".join(part for part in (event.city, event.region and event.region.name) if part)
        when = (
            f"{event.starts_on.isoformat()} – {event.ends_on.isoformat()}"
            if event.ends_on != event.starts_on
            else event.starts_on.isoformat()
        )
        parts = [when, place, event.status_notice, event.description[:500]]
        return "\n".join(part for part in parts if part)

    def item_updateddate(self, event):
        return event.updated_at

    def item_pubdate(self, event):
        return event.updated_at

    def item_categories(self, event):
        return [event.country_code] if event.country_code else []
