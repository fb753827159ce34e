"""Who may use the API's write methods; reads are public. Built on ``accounts.permissions``."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from modus.accounts.permissions import is_organisation_admin


class IsOrganisationAdminOrReadOnly(permissions.BasePermission):
    """Anyone reads; only the organisation's admins (and staff) change it.

    Anonymous writers get 401 (the view asks for credentials), signed-in strangers 403.
    """

    message = _("Only an admin of this organisation may change its profile.")
    code = "not_admin"

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return is_organisation_admin(request.user, obj)
