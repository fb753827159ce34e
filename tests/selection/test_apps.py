"""The app registers the words of its action codes with the shared log when it is ready."""

from django.utils import translation

from modus.activity.registry import label_for
from modus.selection.services.history import Action


def test_every_action_code_has_its_words():
    for action in Action:
        assert label_for(action.value) == action.label
        assert str(label_for(action.value)) != action.value


def test_the_words_are_translated():
    with translation.override("cs"):
        assert str(label_for(Action.CREATED)) == "Koncept založen"
        assert str(label_for(Action.REVIEWER_REMOVED)) == "Hodnotitel odebrán"
    with translation.override("pl"):
        assert str(label_for(Action.CREATED)) == "Rozpoczęto szkic"
