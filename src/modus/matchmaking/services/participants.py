"""What participants do: their marketplace profile, meeting requests and answers, availability."""

from django.utils import timezone
from django.utils.translation import gettext as _

from modus.events.models import Event

from .. import selectors
from ..models import Availability, MarketplaceProfile, MatchmakingSettings, MeetingRequest
from ..permissions import owns_profile
from .errors import MatchmakingError, MatchmakingPermissionError


def _require_enabled(event: Event) -> MatchmakingSettings:
    mm_settings = selectors.settings_for(event)
    if not (mm_settings and mm_settings.enabled):
        raise MatchmakingError(_("Matchmaking is not open for this event."), code="matchmaking_off")
    return mm_settings


def opt_in(
    event: Event,
    *,
    actor,
    offers: str = "",
    seeks: str = "",
    ecosystems=(),
    opted_in: bool = True,
) -> MarketplaceProfile:
    """Create or update the actor's marketplace profile (registered, allowed participants only)."""
    mm_settings = _require_enabled(event)
    registration = selectors.eligible_registrations(event, mm_settings).filter(user=actor).first()
    if registration is None:
        raise MatchmakingPermissionError(
            _("Only confirmed participants of this event take part in its matchmaking."),
            code="not_participant",
        )
    profile, _created = MarketplaceProfile.objects.update_or_create(
        event=event,
        user=actor,
        defaults={
            "organisation": registration.organisation,
            "offers": offers.strip(),
            "seeks": seeks.strip(),
            "opted_in": opted_in,
        },
    )
    profile.ecosystems.set(ecosystems)
    return profile


def _own_profile(actor, event: Event, mm_settings) -> MarketplaceProfile:
    profile = selectors.eligible_profiles(event, mm_settings).filter(user=actor).first()
    if profile is None:
        raise MatchmakingPermissionError(
            _("Create your marketplace profile first."), code="not_participant"
        )
    return profile


def request_meeting(
    event: Event, *, actor, to_profile: MarketplaceProfile, message: str = ""
) -> MeetingRequest:
    """Ask another participant for a meeting, before the deadline, once."""
    mm_settings = _require_enabled(event)
    from_profile = _own_profile(actor, event, mm_settings)
    if selectors.deadline_passed(mm_settings):
        raise MatchmakingError(
            _("The deadline for meeting requests has passed."), code="deadline_passed"
        )
    if to_profile.pk == from_profile.pk:
        raise MatchmakingError(_("You cannot meet yourself."), code="own_profile")
    if not selectors.eligible_profiles(event, mm_settings).filter(pk=to_profile.pk).exists():
        raise MatchmakingError(
            _("This participant is not in the marketplace."), code="not_in_marketplace"
        )
    if MeetingRequest.objects.filter(from_profile=from_profile, to_profile=to_profile).exists():
        raise MatchmakingError(
            _("You have already asked this participant for a meeting."), code="already_requested"
        )
    return MeetingRequest.objects.create(
        event=event, from_profile=from_profile, to_profile=to_profile, message=message.strip()
    )


def answer_request(meeting_request: MeetingRequest, *, actor, accept: bool) -> MeetingRequest:
    """The participant who was asked accepts or declines."""
    if not owns_profile(actor, meeting_request.to_profile):
        raise MatchmakingPermissionError(
            _("Only the participant who was asked can answer."), code="not_yours"
        )
    if meeting_request.status != MeetingRequest.Status.PENDING:
        raise MatchmakingError(_("This request was already answered."), code="already_answered")
    meeting_request.status = (
        MeetingRequest.Status.ACCEPTED if accept else MeetingRequest.Status.DECLINED
    )
    meeting_request.responded_at = timezone.now()
    meeting_request.save(update_fields=["status", "responded_at"])
    return meeting_request


def set_availability(profile: MarketplaceProfile, *, actor, unavailable: list[str]) -> Availability:
    """A participant says in which slots they cannot meet."""
    if not owns_profile(actor, profile):
        raise MatchmakingPermissionError(
            _("You can only set your own availability."), code="not_yours"
        )
    mm_settings = _require_enabled(profile.event)
    known = [slot.id for slot in selectors.slots(mm_settings)]
    if set(unavailable) - set(known):
        raise MatchmakingError(_("Unknown meeting slot."), code="unknown_slot")
    chosen = set(unavailable)
    availability, _created = Availability.objects.update_or_create(
        profile=profile, defaults={"unavailable": [s for s in known if s in chosen]}
    )
    return availability
