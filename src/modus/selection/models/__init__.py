"""One core for every "people apply, others judge, someone decides" process.

A :class:`Call` is either a call for expression of interest owned by a programme (``purpose=host``:
applicants propose to host an edition) or a call for pitches attached to a pitching session of an
event (``purpose=pitches``). Both share cut-offs, criteria, questions, required documents,
applications, reviews with scores, and a log of every decision. Pitch calls add a running order,
live jury scores and one audience vote per registered participant.

One module per subject; every model is importable from here.
"""

from .applications import (
    REVIEWABLE,
    Application,
    ApplicationDocument,
    document_path,
)
from .calls import PDF_LIMIT_BYTES, Call, Criterion, CutOff, DocumentRequirement, Question
from .pitching import AudienceVote
from .reminders import Reminder
from .reviews import Review, Score

__all__ = [
    "PDF_LIMIT_BYTES",
    "REVIEWABLE",
    "Application",
    "ApplicationDocument",
    "AudienceVote",
    "Call",
    "Criterion",
    "CutOff",
    "DocumentRequirement",
    "Question",
    "Reminder",
    "Review",
    "Score",
    "document_path",
]
