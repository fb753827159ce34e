"""Matchmaking's forms: ``setup`` (organisers' settings), ``participants`` (profile, request,
marketplace filters, availability), ``schedule`` (moving a meeting of a draft)."""

from .participants import AvailabilityForm, FilterForm, ProfileForm, RequestForm
from .schedule import MoveMeetingForm
from .setup import SetupForm

__all__ = [
    "AvailabilityForm",
    "FilterForm",
    "MoveMeetingForm",
    "ProfileForm",
    "RequestForm",
    "SetupForm",
]
