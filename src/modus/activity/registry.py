"""What each action code means, in words. Apps describe their own codes in ``AppConfig.ready``.

A code is dotted: ``<app>.<object>.<what happened>``, e.g. ``events.capacity.changed``. The log
stores the code; the words are looked up when a page shows the entry, in the reader's language.
So is a note made of figures: an app registers how to say it from the entry's data, and the note
stored in the writer's language is shown only when there is no such way (or the data lacks it).
"""

from collections.abc import Callable

_labels: dict = {}
_notes: dict[str, Callable[[dict], str]] = {}


def describe_actions(labels: dict) -> None:
    """Register ``{code: lazy label}``; a code keeps the label it was first given."""
    for code, label in labels.items():
        _labels.setdefault(code, label)


def label_for(code: str):
    return _labels.get(code, code)


def describe_notes(formatters: dict[str, Callable[[dict], str]]) -> None:
    """Register ``{code: function of the entry's data giving its note}``, in the active
    language; the function raises KeyError when the data lacks what it needs."""
    for code, formatter in formatters.items():
        _notes.setdefault(code, formatter)


def note_for(code: str, data: dict, stored: str) -> str:
    formatter = _notes.get(code)
    if formatter is None or not isinstance(data, dict):
        return stored
    try:
        return formatter(data)
    except KeyError:
        return stored
