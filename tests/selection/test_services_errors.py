"""The errors of the services keep the code of the rule that was broken."""

from modus.selection.services.errors import NotAllowed, SelectionError


def test_a_selection_error_keeps_its_code_with_field_errors():
    error = SelectionError({"reasons": ["Give the reasons."]}, code="reasons_required")
    assert error.code == "reasons_required"
    assert error.message_dict == {"reasons": ["Give the reasons."]}


def test_a_selection_error_keeps_its_code_with_a_list():
    error = SelectionError(["One.", "Two."], code="not_ready")
    assert error.code == "not_ready"
    assert error.messages == ["One.", "Two."]


def test_a_plain_message_keeps_its_code_too():
    assert SelectionError("Late.", code="deadline_passed").code == "deadline_passed"


def test_not_allowed_has_a_code():
    assert NotAllowed().code == "not_allowed"
    assert NotAllowed("Only the office.", code="not_manager").code == "not_manager"
