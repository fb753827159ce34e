"""Placeholder: being written (see urls.py)."""

from django.http import Http404


def pitch_call_create(request, *args, **kwargs):
    raise Http404


def running_order(request, *args, **kwargs):
    raise Http404


def jury(request, *args, **kwargs):
    raise Http404


def vote(request, *args, **kwargs):
    raise Http404


def results(request, *args, **kwargs):
    raise Http404
