"""Who may do what in the directory, built on the membership predicates of accounts. Views, the
API and the services ask these."""

from modus.accounts.permissions import is_organisation_admin, is_staff


def may_edit_organisation(user, organisation) -> bool:
    """The organisation's admins and platform staff edit its profile (web and API)."""
    return is_organisation_admin(user, organisation)


def may_award(user) -> bool:
    """Excellence labels and validation are awarded by platform staff."""
    return is_staff(user)


def may_exchange_csv(user) -> bool:
    """Platform staff import and export the directory as CSV."""
    return is_staff(user)
