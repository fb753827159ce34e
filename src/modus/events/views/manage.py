from django.http import Http404


def event_edit(request, slug):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404


def agenda(request, slug):
    """Co-hosts and organisers of this event: the agenda editor's day view (to be built)."""
    raise Http404


def rooms(request, slug):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404


def session_create(request, slug):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404


def session_edit(request, slug, pk):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404


def session_delete(request, slug, pk):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404


def material_upload(request, slug, pk):
    """Co-hosts and organisers of this event (to be built)."""
    raise Http404
