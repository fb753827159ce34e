"""Who may do what with a programme."""


def is_programme_office(user, programme) -> bool:
    """A member of the programme's office (its team), or staff."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_staff or programme.team.filter(pk=user.pk).exists()
