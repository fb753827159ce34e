"""Query parameters of list endpoints are checked, not silently ignored: a parameter the
endpoint does not know (a misspelt filter, say) is a 400 problem naming it."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.filters import BaseFilterBackend

# Understood by every list: the page, DRF's format switch, the reader's language.
COMMON_PARAMETERS = {"page", "format", "lang"}


class KnownQueryParameters(BaseFilterBackend):
    """Refuses unknown query parameters on a list. A list knows the filters of its
    ``filterset_class`` and the names in its ``query_parameters``."""

    def filter_queryset(self, request, queryset, view):
        lookup = getattr(view, "lookup_url_kwarg", None) or getattr(view, "lookup_field", "pk")
        if getattr(view, "action", "list") != "list" or lookup in view.kwargs:
            return queryset  # one object, not a list
        known = COMMON_PARAMETERS | set(getattr(view, "query_parameters", ()))
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError(
                {
                    name: [
                        ErrorDetail(
                            _("Unknown query parameter; this list takes: %(known)s.")
                            % {"known": ", ".join(sorted(known))},
                            code="unknown_parameter",
                        )
                    ]
                    for name in unknown
                }
            )
        return queryset
