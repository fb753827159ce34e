"""Every write of partners: post, moderate, express interest, answer a contact request."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.activity.services import log_action
from modus.events.models import EventOrganiser
from modus.events.permissions import MANAGING_ROLES
from modus.matchmaking import selectors as mm_selectors
from modus.matchmaking import services as mm_services
from modus.web.links import absolute_url
from modus.web.tasks import send_email
from modus.web.translations import clean_translations, language_name

from .errors import PartnersError, PartnersPermissionError
from .models import Interest, ModerationSettings, Opportunity, OpportunityKind
from .permissions import is_member, may_answer, may_moderate
from .tasks import compute_suggestions_task

TITLE_LENGTH = Opportunity._meta.get_field("title").max_length
BUILTIN_KINDS = (
    ("offer", "Offer", OpportunityKind.Direction.OFFER),
    ("request", "Request", OpportunityKind.Direction.REQUEST),
    ("partnership", "Partnership for a project or call", OpportunityKind.Direction.OTHER),
)


def ensure_builtin_kinds() -> None:
    for position, (key, label, direction) in enumerate(BUILTIN_KINDS):
        OpportunityKind.objects.get_or_create(
            event=None,
            key=key,
            defaults={"label": label, "direction": direction, "position": position},
        )


def add_kind(event, *, actor, label: str, direction=OpportunityKind.Direction.OTHER):
    """An organiser adds a kind of opportunity to the event's marketplace."""
    if not may_moderate(actor, event):
        raise PartnersPermissionError(_("Only the organisers may add kinds."), code="not_moderator")
    key = f"k{OpportunityKind.objects.filter(event=event).count() + 1}"
    return OpportunityKind.objects.create(
        event=event, key=key, label=label.strip(), direction=direction, position=100
    )


def set_moderation(event, *, actor, manual: bool) -> ModerationSettings:
    if not may_moderate(actor, event):
        raise PartnersPermissionError(
            _("Only the organisers choose how opportunities are validated."), code="not_moderator"
        )
    found, _created = ModerationSettings.objects.update_or_create(
        event=event, defaults={"manual": manual}
    )
    return found


def _manual(event) -> bool:
    return ModerationSettings.objects.filter(event=event, manual=True).exists()


def _moderator_emails(event) -> list[str]:
    if event is None:
        users = get_user_model().objects.filter(is_staff=True, is_active=True)
    else:
        organisations = EventOrganiser.objects.filter(event=event, role__in=MANAGING_ROLES).values(
            "organisation"
        )
        users = get_user_model().objects.filter(
            memberships__organisation__in=organisations, is_active=True
        )
    return sorted(set(users.values_list("email", flat=True)))


@transaction.atomic
def _opportunity_translations(value, original: str) -> dict:
    cleaned = clean_translations(value, Opportunity.translatable_fields, original=original)
    for language, texts in cleaned.items():
        if len(texts.get("title", "")) > TITLE_LENGTH:
            raise PartnersError(
                _("The title in %(language)s is too long.") % {"language": language_name(language)},
                code="title_length",
                field="title",
            )
    return cleaned


def post_opportunity(
    *,
    actor,
    organisation,
    kind: OpportunityKind,
    title: str,
    description: str,
    expires_on,
    event=None,
    ecosystems=(),
    keywords: str = "",
    target_countries=(),
    target_regions=(),
    original_language: str = "en",
    translations=None,
) -> Opportunity:
    """A member of ``organisation`` posts an opportunity; manual validation holds it back.
    ``translations`` maps a language to its title and description (see web.translations)."""
    if not is_member(actor, organisation):
        raise PartnersPermissionError(
            _("Only members of the organisation may post for it."), code="not_member"
        )
    if event is not None and mm_selectors.profile_of(actor, event) is None:
        raise PartnersPermissionError(
            _("Only the event's marketplace participants post into it."), code="not_participant"
        )
    if kind.event_id not in (None, getattr(event, "pk", None)):
        raise PartnersError(_("This kind belongs to another event."), code="kind", field="kind")
    if expires_on < timezone.localdate():
        raise PartnersError(
            _("The expiry date has already passed."), code="expired", field="expires_on"
        )
    manual = _manual(event)
    opportunity = Opportunity.objects.create(
        organisation=organisation,
        author=actor,
        event=event,
        kind=kind,
        title=title.strip(),
        description=description.strip(),
        original_language=original_language,
        translations=_opportunity_translations(translations, original_language),
        keywords=keywords.strip(),
        target_countries=sorted(set(target_countries)),
        expires_on=expires_on,
        status=Opportunity.Status.PENDING if manual else Opportunity.Status.PUBLISHED,
        moderated_at=None if manual else timezone.now(),
    )
    opportunity.ecosystems.set(ecosystems)
    opportunity.target_regions.set(target_regions)
    log_action(opportunity, "partners.opportunity.posted", actor=actor)
    if manual:
        transaction.on_commit(lambda: _mail_moderators(opportunity))
    elif event is not None:
        _recompute(event)
    return opportunity


def _recompute(event) -> None:
    """Suggestions follow what is on offer: computed again in the background."""
    transaction.on_commit(lambda: compute_suggestions_task.delay(event.pk))


def _mail_moderators(opportunity: Opportunity) -> None:
    to = _moderator_emails(opportunity.event)
    if not to:
        return
    body = render_to_string(
        "partners/email/waiting.txt",
        {"opportunity": opportunity, "link": absolute_url(reverse("partners:moderation"))},
    )
    subject = _("A cooperation opportunity waits for validation")
    send_email.delay(to=to, subject=subject, body=body)


def moderate(opportunity: Opportunity, *, actor, approve: bool, reason: str = "") -> Opportunity:
    """Approve, or refuse with a reason the author reads."""
    if not may_moderate(actor, opportunity.event):
        raise PartnersPermissionError(
            _("Only the organisers validate opportunities."), code="not_moderator"
        )
    if opportunity.status != Opportunity.Status.PENDING:
        raise PartnersError(_("This opportunity was already validated."), code="not_pending")
    if not approve and not reason.strip():
        raise PartnersError(
            _("Say why the opportunity is refused."), code="reason_missing", field="reason"
        )
    opportunity.status = Opportunity.Status.PUBLISHED if approve else Opportunity.Status.REFUSED
    opportunity.refusal_reason = "" if approve else reason.strip()
    opportunity.moderated_at = timezone.now()
    opportunity.save(update_fields=["status", "refusal_reason", "moderated_at"])
    if approve and opportunity.event_id:
        _recompute(opportunity.event)
    verb = "approved" if approve else "refused"
    log_action(opportunity, f"partners.opportunity.{verb}", actor=actor, note=reason.strip())
    return opportunity


@transaction.atomic
def express_interest(opportunity: Opportunity, *, actor, message: str = "") -> Interest:
    """In an event: a meeting request to the author that refers to the opportunity. Outside:
    a contact request the other side answers before any e-mail address is shown."""
    if not (opportunity.status == Opportunity.Status.PUBLISHED and not opportunity.is_expired):
        raise PartnersError(_("This opportunity is no longer open."), code="closed")
    if opportunity.author_id == actor.pk or is_member(actor, opportunity.organisation):
        raise PartnersError(
            _("This is your own organisation's opportunity."), code="own_opportunity"
        )
    if Interest.objects.filter(opportunity=opportunity, user=actor).exists():
        raise PartnersError(
            _("You have already expressed interest in this opportunity."), code="already"
        )
    meeting_request = None
    if opportunity.event_id:
        author_profile = mm_selectors.profile_of(opportunity.author, opportunity.event)
        if author_profile is None:
            raise PartnersError(
                _("The author is no longer in the marketplace."), code="not_in_marketplace"
            )
        text = message.strip() or _("About your opportunity “%(title)s”.") % {
            "title": opportunity.title
        }
        meeting_request = mm_services.request_meeting(
            opportunity.event, actor=actor, to_profile=author_profile, message=text
        )
    interest = Interest.objects.create(
        opportunity=opportunity,
        user=actor,
        message=message.strip(),
        meeting_request=meeting_request,
    )
    log_action(opportunity, "partners.interest.expressed", actor=actor, data={"id": interest.pk})
    if meeting_request is None and opportunity.author and opportunity.author.email:
        body = render_to_string(
            "partners/email/contact_request.txt",
            {"interest": interest, "link": absolute_url(reverse("partners:interests"))},
        )
        author_email = opportunity.author.email
        transaction.on_commit(
            lambda: send_email.delay(
                to=[author_email], subject=_("Someone is interested in your opportunity"), body=body
            )
        )
    return interest


def answer_interest(interest: Interest, *, actor, accept: bool) -> Interest:
    """The opportunity's side accepts (both see each other's e-mail) or declines."""
    if not may_answer(actor, interest):
        raise PartnersPermissionError(
            _("Only the opportunity's organisation can answer."), code="not_yours"
        )
    if interest.meeting_request_id:
        raise PartnersError(
            _("Answer this one among your meeting requests."), code="meeting_request"
        )
    if interest.status != Interest.Status.PENDING:
        raise PartnersError(_("This request was already answered."), code="already_answered")
    interest.status = Interest.Status.ACCEPTED if accept else Interest.Status.DECLINED
    interest.responded_at = timezone.now()
    interest.save(update_fields=["status", "responded_at"])
    log_action(
        interest.opportunity, "partners.interest.answered", actor=actor, data={"id": interest.pk}
    )
    return interest
