from django.http import Http404


def register(request, slug):
    """Logged-in users: register for an event (to be built)."""
    raise Http404


def my_registration(request, slug):
    """Logged-in users: their registration for this event (to be built)."""
    raise Http404


def cancel(request, token):
    """Whoever holds the signed cancellation link (to be built)."""
    raise Http404


def qr_code(request, token):
    """Whoever holds the signed registration token: its check-in QR code (to be built)."""
    raise Http404


def participants(request, slug):
    """Organisers and co-hosts of this event (to be built)."""
    raise Http404


def participants_export(request, slug, fmt):
    """Organisers and co-hosts of this event: CSV or XLSX (to be built)."""
    raise Http404


def check_in(request, slug):
    """Organisers and co-hosts of this event: check-in on the day (to be built)."""
    raise Http404
