"""Asking before an action that removes or publishes something, without JavaScript.

A "Remove" or "Publish" button posts its form as usual. The view asks ``needs_confirmation``
first: while the post does not carry the confirmation, it answers with a page that says what
will happen and repeats the form's data with the confirmation added (one more click sends it),
or a link back. Usage in a view::

    if page := ask_first(request, title=..., detail=..., confirm=_("Yes, remove it"), back=url):
        return page
    services.remove_...(...)

Warnings (e.g. reviews still missing before a decision) are listed on the same page.
"""

from django.shortcuts import render

CONFIRMED = "confirmed"
NOT_REPEATED = {"csrfmiddlewaretoken", CONFIRMED}


def is_confirmed(request) -> bool:
    """Whether this POST carries the person's confirmation."""
    return request.method == "POST" and request.POST.get(CONFIRMED) == "yes"


def ask_first(request, *, title, detail="", confirm, back, warnings=()):
    """None when the POST is confirmed; else the page that asks (200), repeating the form."""
    if is_confirmed(request):
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in NOT_REPEATED
        for value in values
    ]
    context = {
        "title": title,
        "detail": detail,
        "confirm": confirm,
        "back": back,
        "warnings": list(warnings),
        "fields": fields,
        "action": request.get_full_path(),
    }
    return render(request, "web/confirm.html", context)
