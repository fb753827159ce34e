"""What each action code means, in words. Apps describe their own codes in ``AppConfig.ready``.

A code is dotted: ``<app>.<object>.<what happened>``, e.g. ``events.capacity.changed``. The log
stores the code; the words are looked up when a page shows the entry, in the reader's language.
"""

_labels: dict = {}


def describe_actions(labels: dict) -> None:
    """Register ``{code: lazy label}``; a code keeps the label it was first given."""
    for code, label in labels.items():
        _labels.setdefault(code, label)


def label_for(code: str):
    return _labels.get(code, code)
