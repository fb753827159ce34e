"""The roles people play in Modus, and the predicates that decide them.

Modus has no role table: a role follows from data that exists for other reasons, so it cannot
drift out of date. Each role names the predicate in ``permissions`` that checks it.

``staff``
    Platform operators (``User.is_staff``). They may do everything the other roles may do.
    Checked by :func:`modus.accounts.permissions.is_staff`.

``programme office``
    The team of a programme (``Programme.team``), e.g. a platform's secretariat or a national
    cluster association. They run the series: calls, selection of host regions, events, news.
    Checked by :func:`modus.accounts.permissions.is_programme_office`.

``co-host of an event``
    Members of an organisation that organises or co-hosts an event (``EventOrganiser`` with the
    role organiser or co-host). They build that event: venue, agenda, speakers, registration.
    Checked by :func:`modus.accounts.permissions.is_event_cohost`.

``organisation admin``
    A user with an admin ``Membership`` of an organisation. They edit its directory profile (on
    the web and through the API) and manage its members.
    Checked by :func:`modus.accounts.permissions.is_organisation_admin`.

``participant``
    Any active, logged-in user with a person profile. Later features (registrations, meeting
    requests) build on this role. Checked by :func:`modus.accounts.permissions.is_participant`.

``the public``
    Anyone, logged in or not: reads news, programmes, events, public profiles and the directory.
"""

from django.utils.translation import gettext_lazy as _

ROLES = {
    "staff": _("Platform staff"),
    "programme_office": _("Programme office"),
    "event_cohost": _("Co-host of an event"),
    "organisation_admin": _("Organisation admin"),
    "participant": _("Participant"),
    "public": _("The public"),
}
