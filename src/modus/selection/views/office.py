"""Placeholder: being written (see urls.py)."""

from django.http import Http404


def call_create(request, *args, **kwargs):
    raise Http404


def application_reopen(request, *args, **kwargs):
    raise Http404


def application_decide(request, *args, **kwargs):
    raise Http404


def application_assign(request, *args, **kwargs):
    raise Http404


def call_manage(request, *args, **kwargs):
    raise Http404


def call_applications(request, *args, **kwargs):
    raise Http404
