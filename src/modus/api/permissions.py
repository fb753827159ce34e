"""Bases for who may use the API's write methods; reads are public.

An app's API names its rule with a predicate of its own ``permissions`` module, e.g.::

    class IsOrganisationAdminOrReadOnly(ReadOnlyOrPredicate):
        predicate = staticmethod(is_organisation_admin)
        message = _("Only an admin of this organisation may change its profile.")
        code = "not_admin"
"""

from rest_framework import permissions


class ReadOnlyOrPredicate(permissions.BasePermission):
    """Anyone reads; writers must be signed in and pass ``predicate(user, obj)``.

    Anonymous writers get 401 (the view asks for credentials), signed-in users the predicate
    refuses get 403 with ``code``.
    """

    predicate = None  # (user, obj) -> bool, set by each subclass
    message = None
    code = "permission_denied"

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(self.predicate(request.user, obj))
