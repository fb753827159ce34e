"""Placeholder: being written (see urls.py)."""

from django.http import Http404


def call_list(request, *args, **kwargs):
    raise Http404


def call_detail(request, *args, **kwargs):
    raise Http404
