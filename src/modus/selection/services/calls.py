"""Setting up a call: its text, rules, cut-offs, criteria, questions and required documents."""

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from modus.directory.models import Organisation
from modus.web.slugs import free_slug
from modus.web.translations import clean_translations, translation_length_errors

from ..models import Call, Criterion, CutOff, DocumentRequirement, Question
from ..permissions import may_manage_call
from .errors import NotAllowed, SelectionError

CALL_FIELDS = {
    "title",
    "description",
    "eligible_kinds",
    "eligible_countries",
    "score_min",
    "score_max",
    "review_days",
    "pitch_minutes",
    "places",
    "original_language",
    "translations",
}


def _translations(model, value, original: str) -> dict:
    """The other languages of a call or of one of its parts, cleaned and checked."""
    cleaned = clean_translations(value, model.translatable_fields, original=original)
    errors = translation_length_errors(model, cleaned)
    if errors:
        raise SelectionError(errors, code="too_long")
    return cleaned


def check_manager(user, call: Call) -> None:
    if not may_manage_call(user, call):
        raise NotAllowed(_("Only the people who run this call may do this."), code="not_manager")


def _clean_rules(fields: dict) -> dict:
    kinds = fields.get("eligible_kinds")
    if kinds is not None:
        unknown = sorted(set(kinds) - set(Organisation.Kind.values))
        if unknown:
            raise SelectionError(
                {"eligible_kinds": [_("Unknown organisation kind: %s") % ", ".join(unknown)]},
                code="unknown_kind",
            )
        fields["eligible_kinds"] = sorted(set(kinds))
    countries = fields.get("eligible_countries")
    if countries is not None:
        cleaned = sorted({code.strip().upper() for code in countries if code.strip()})
        bad = [code for code in cleaned if len(code) != 2 or not code.isalpha()]
        if bad:
            raise SelectionError(
                {"eligible_countries": [_("Not a two-letter country code: %s") % ", ".join(bad)]},
                code="bad_country",
            )
        fields["eligible_countries"] = cleaned
    low, high = fields.get("score_min"), fields.get("score_max")
    if low is not None and high is not None and low >= high:
        raise SelectionError(
            {"score_max": [_("The highest score must be above the lowest.")]},
            code="bad_scale",
        )
    return fields


@transaction.atomic
def create_call(*, actor, purpose, title, programme=None, session=None, **fields) -> Call:
    """A new call in draft. Host calls belong to a programme, pitch calls to a pitching session."""
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise TypeError(f"unknown call fields: {sorted(unknown)}")
    if purpose == Call.Purpose.PITCHES:
        if session is None or session.kind != session.Kind.PITCHING:
            raise SelectionError(
                _("A call for pitches belongs to a pitching session."), code="not_pitching"
            )
        if Call.objects.filter(session=session).exists():
            raise SelectionError(
                _("This session already has a call for pitches."), code="session_has_call"
            )
        programme = None
    elif programme is None:
        raise SelectionError(_("A call for expression of interest belongs to a programme."))
    original = fields.pop("original_language", None) or "en"
    fields["translations"] = _translations(Call, fields.get("translations"), original)
    call = Call(
        original_language=original,
        purpose=purpose,
        programme=programme,
        session=session,
        title=title.strip(),
        slug=free_slug(title, Call.objects.all(), fallback="call"),
        **_clean_rules(fields),
    )
    check_manager(actor, call)
    call.full_clean()
    call.save()
    if purpose == Call.Purpose.PITCHES:
        DocumentRequirement.objects.create(
            call=call,
            title=_("Pitch deck"),
            description=_("Your slides as one PDF."),
            required=True,
        )
    return call


@transaction.atomic
def update_call(call: Call, *, actor, **fields) -> Call:
    check_manager(actor, call)
    unknown = set(fields) - CALL_FIELDS
    if unknown:
        raise TypeError(f"unknown call fields: {sorted(unknown)}")
    merged = {"score_min": call.score_min, "score_max": call.score_max, **fields}
    original = merged.get("original_language") or call.original_language
    if "translations" in merged or "original_language" in merged:
        current = merged.get("translations", call.translations)
        merged["translations"] = _translations(Call, current, original)
    for name, value in _clean_rules(merged).items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    return call


def open_call(call: Call, *, actor, now=None) -> Call:
    """Publish the call. It needs at least one cut-off still ahead and one criterion."""
    check_manager(actor, call)
    now = now or timezone.now()
    problems = []
    if not call.cut_offs.filter(deadline__gt=now).exists():
        problems.append(_("Add a cut-off date in the future."))
    if not call.criteria.exists():
        problems.append(_("Add at least one evaluation criterion."))
    if problems:
        raise SelectionError(problems, code="not_ready")
    call.status = Call.Status.OPEN
    call.save(update_fields=["status", "updated_at"])
    return call


def close_call(call: Call, *, actor) -> Call:
    check_manager(actor, call)
    call.status = Call.Status.CLOSED
    call.save(update_fields=["status", "updated_at"])
    return call


def local_to_utc(local: datetime.datetime, time_zone: str) -> datetime.datetime:
    """A wall-clock time in ``time_zone`` ("18:00 CEST") as an aware UTC datetime."""
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise SelectionError(
            {"time_zone": [_("“%s” is not a time zone.") % time_zone]}, code="bad_time_zone"
        ) from error
    if timezone.is_aware(local):
        local = timezone.make_naive(local, zone)
    return local.replace(tzinfo=zone).astimezone(datetime.UTC)


def add_cut_off(call: Call, *, actor, local_deadline, time_zone: str, label: str = "") -> CutOff:
    """Add a deadline given as local wall-clock time in its own time zone."""
    check_manager(actor, call)
    deadline = local_to_utc(local_deadline, time_zone)
    if call.cut_offs.filter(deadline=deadline).exists():
        raise SelectionError(
            {"local_deadline": [_("This call already has a cut-off at that moment.")]},
            code="duplicate_cut_off",
        )
    cut_off = CutOff(call=call, deadline=deadline, time_zone=time_zone, label=label.strip())
    cut_off.full_clean()
    cut_off.save()
    return cut_off


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else last + 1


def add_criterion(
    call: Call, *, actor, title: str, weight: int = 1, description="", translations=None
) -> Criterion:
    check_manager(actor, call)
    criterion = Criterion(
        call=call,
        title=title.strip(),
        weight=weight,
        description=description,
        translations=_translations(Criterion, translations, call.original),
        position=_next_position(call.criteria.all()),
    )
    criterion.full_clean()
    criterion.save()
    return criterion


def add_question(
    call: Call, *, actor, text: str, required=True, help_text="", translations=None
) -> Question:
    check_manager(actor, call)
    question = Question(
        call=call,
        text=text.strip(),
        required=required,
        help_text=help_text,
        translations=_translations(Question, translations, call.original),
        position=_next_position(call.questions.all()),
    )
    question.full_clean()
    question.save()
    return question


def add_document_requirement(
    call: Call,
    *,
    actor,
    title: str,
    required=True,
    description="",
    max_bytes=None,
    translations=None,
) -> DocumentRequirement:
    check_manager(actor, call)
    requirement = DocumentRequirement(
        call=call,
        title=title.strip(),
        required=required,
        description=description,
        translations=_translations(DocumentRequirement, translations, call.original),
        position=_next_position(call.documents.all()),
    )
    if max_bytes:
        requirement.max_bytes = max_bytes
    requirement.full_clean()
    requirement.save()
    return requirement


def remove_call_part(part, *, actor) -> None:
    """Remove a cut-off, criterion, question or document requirement while nothing depends on it."""
    call = part.call
    check_manager(actor, call)
    if isinstance(part, CutOff) and part.applications.exists():
        raise SelectionError(
            _("Applications were submitted to this cut-off; it stays."), code="cut_off_in_use"
        )
    if isinstance(part, Criterion) and part.scores.exists():
        raise SelectionError(_("Reviewers have scored this criterion; it stays."), code="in_use")
    part.delete()
