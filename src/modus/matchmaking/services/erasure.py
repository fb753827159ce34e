"""A participant's account is erased: their marketplace profiles leave every event.

For each profile, in the erasure's transaction:

- the published meetings still ahead are cancelled (kept, marked cancelled with the time, as a
  publication cancels them), so their tables are free again, and every partner is mailed the
  change and their plan now, without the name of the person who left;
- the meetings of drafts not yet published lose them (a draft is only a proposal);
- the published meetings already begun stay, with their outcomes, so the results count them;
- requests: at an event that has begun they stay for the figures, the messages the person wrote
  emptied; at an event to come they are deleted;
- the figures of the event's schedule versions stop naming them among the meetings left out;
- the profile stays as an anonymous side of those meetings: moved to the erased account's
  stand-in, its texts, ecosystems and availability removed, out of the marketplace.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from modus.activity.services import log_action
from modus.events.models import Event
from modus.web.tasks import send_email

from .. import selectors
from ..models import Availability, MarketplaceProfile, Meeting, MeetingRequest, ScheduleVersion
from .publishing import plans_of, side_name


def withdraw_profile(profile: MarketplaceProfile, *, now, former) -> list[Meeting]:
    """Take an erased participant's profile out of its event; returns the meetings cancelled."""
    event = profile.event
    Event.objects.select_for_update().filter(pk=event.pk).first()  # no publication meanwhile
    published = selectors.published_version(event)
    cancelled = []
    if published is not None:
        cancelled = list(
            published.meetings.scheduled()
            .filter(participants=profile, starts_at__gt=now)
            .prefetch_related("participants__user", "participants__organisation")
        )
        for meeting in cancelled:  # saved one by one: the results hear of each change
            meeting.status = Meeting.Status.CANCELLED
            meeting.cancelled_at = now
            meeting.save(update_fields=["status", "cancelled_at"])
    Meeting.objects.filter(
        version__event=event, version__status=ScheduleVersion.Status.DRAFT, participants=profile
    ).delete()
    requests = MeetingRequest.objects.filter(Q(from_profile=profile) | Q(to_profile=profile))
    if event.starts_on <= timezone.localdate(now):
        MeetingRequest.objects.filter(from_profile=profile).update(message="")
    else:
        requests.delete()
    Availability.objects.filter(profile=profile).delete()
    _unname_in_figures(profile)
    profile.ecosystems.clear()
    profile.user = former
    profile.offers = profile.seeks = ""
    profile.opted_in = False
    profile.save(update_fields=["user", "offers", "seeks", "opted_in", "updated_at"])
    if cancelled:
        log_action(
            event,
            "matchmaking.participant.withdrawn",
            note=_("meetings cancelled %(count)d") % {"count": len(cancelled)},
            data={"profile": profile.pk, "cancelled": [m.pk for m in cancelled]},
        )
        _mail_partners(published, profile, cancelled)
    return cancelled


def _unname_in_figures(profile: MarketplaceProfile) -> None:
    """A version's figures list the meetings left out with their people's names: not theirs."""
    for version in ScheduleVersion.objects.filter(event=profile.event).only("pk", "stats"):
        changed = False
        for item in (version.stats or {}).get("unplaced", []):
            sides = str(item.get("meeting", "")).lstrip("m").split("-")
            names = item.get("with") or []
            for index, side in enumerate(sides):
                if side == str(profile.pk) and index < len(names):
                    names[index] = _("Former participant")
                    changed = True
        if changed:
            version.save(update_fields=["stats"])


def _mail_partners(version: ScheduleVersion, gone: MarketplaceProfile, cancelled) -> None:
    """Each partner of a cancelled meeting learns of it, and gets their plan now."""
    by_partner = defaultdict(list)
    for meeting in cancelled:
        for other in meeting.participants.all():
            if other.pk != gone.pk:
                by_partner[other.pk].append(meeting)
    plans = plans_of(version, list(by_partner))
    mm_settings = selectors.settings_for(version.event)
    partners = MarketplaceProfile.objects.filter(pk__in=list(by_partner)).select_related("user")
    for partner in partners:
        with translation.override(partner.user.preferred_language or None):
            message = _partner_mail(partner, by_partner[partner.pk], gone, plans, mm_settings)
        transaction.on_commit(lambda message=message: send_email.delay(**message))


def _partner_mail(partner, meetings, gone, plans, mm_settings) -> dict:
    """One partner's mail, in their language: what was cancelled, and their plan now."""
    event = partner.event
    zone = event.zone
    subject = _("Your meetings at %(event)s have changed") % {"event": event.name}
    changes = []
    for meeting in meetings:
        names = [
            side_name(p) for p in meeting.participants.all() if p.pk not in (partner.pk, gone.pk)
        ]
        names.append(_("a participant who has left the event"))
        changes.append(
            {
                "kind": "cancelled",
                "names": ", ".join(names),
                "before": meeting,
                "after": None,
                "before_at": timezone.localtime(meeting.starts_at, zone),
            }
        )
    context = {
        "event": event,
        "profile": partner,
        "meetings": plans.get(partner.pk, []),
        "changes": changes,
        "settings": mm_settings,
        "changed": True,
    }
    with timezone.override(zone):
        body = render_to_string("matchmaking/email/plan.txt", context)
    return {"to": [partner.user.email], "subject": subject, "body": body}
