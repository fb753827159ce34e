"""Reads of calls: which calls a visitor sees, one call with its parts, its cut-offs by date."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from modus.programmes.models import Programme

from ..models import Call, CutOff
from ..permissions import managed_calls


def visible_calls(user):
    """Open and closed calls for everyone; drafts only for the people who run them."""
    calls = Call.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return calls.exclude(status=Call.Status.DRAFT)
    if user.is_staff:
        return calls
    return calls.filter(~Q(status=Call.Status.DRAFT) | managed_calls(user)).distinct()


def _with_owner():
    return Call.objects.select_related("programme", "session__event")


def _with_cut_offs():
    return _with_owner().prefetch_related(
        Prefetch("cut_offs", queryset=CutOff.objects.order_by("deadline"))
    )


def mark_cut_offs(call: Call, now=None) -> list[CutOff]:
    """The call's cut-offs with ``is_past``; sets ``call.next_cut_off`` (the first ahead)."""
    now = now or timezone.now()
    cut_offs = list(call.cut_offs.all())
    for cut_off in cut_offs:
        cut_off.is_past = cut_off.deadline <= now
    call.next_cut_off = next((c for c in cut_offs if not c.is_past), None)
    return cut_offs


def listed_calls(user) -> list[Call]:
    """The list of calls: every call this user sees, newest first, its cut-offs marked."""
    ids = visible_calls(user).values("pk")
    calls = list(_with_cut_offs().filter(pk__in=ids).order_by("-created_at"))
    now = timezone.now()
    for call in calls:
        mark_cut_offs(call, now)
    return calls


def calls_for(user, *, purpose: str | None = None, status: str | None = None):
    """The API's list of calls this user sees, optionally of one purpose or status."""
    calls = visible_calls(user).select_related("programme", "session__event")
    if purpose:
        calls = calls.filter(purpose=purpose)
    if status:
        calls = calls.filter(status=status)
    return calls.order_by("-created_at", "pk")


def call_or_404(slug: str, *, purpose: str | None = None, cut_offs: bool = False) -> Call:
    """One call with its programme or event; ``cut_offs`` prefetches them by date."""
    calls = _with_cut_offs() if cut_offs else _with_owner()
    if purpose:
        calls = calls.filter(purpose=purpose)
    return get_object_or_404(calls, slug=slug)


def call_parts(call: Call) -> dict:
    """The criteria, questions and required documents of a call, each in the call's order."""
    return {
        "criteria": list(call.criteria.all()),
        "questions": list(call.questions.all()),
        "documents": list(call.documents.all()),
    }


def call_part_or_404(model, call: Call, pk: int):
    """A cut-off, criterion, question or document requirement of this call (404 for another's)."""
    return get_object_or_404(model, pk=pk, call=call)


def cut_off_or_404(call: Call, pk: int) -> CutOff:
    return call_part_or_404(CutOff, call, pk)


def jury_of(call: Call):
    """The call's panel: its jury (pitches) or the reviewers it has had, by name."""
    return call.panel.order_by("full_name", "email")


def jury_member_or_404(call: Call, pk: int):
    return get_object_or_404(call.panel.all(), pk=pk)


def programme_or_404(slug: str):
    return get_object_or_404(Programme, slug=slug)
