"""Every change to accounts, people and memberships goes through these functions.

Views, the API, the admin, the demo loader and management commands all call them, so a rule
(what erasing an account removes, how a person gets a slug) lives in one place.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from modus.activity.services import redact
from modus.web.slugs import free_slug

from . import emails, personal_data
from .models import Membership, Person, User, new_calendar_secret


class AccountError(ValidationError):
    """Input that breaks an accounts rule, with a code (``email_taken``, ``wrong_password``...)."""


# People -----------------------------------------------------------------------------------------


def unique_person_slug(name: str, *, exclude_pk=None) -> str:
    """A free slug for a person, made from the name (``jana-novak``, ``jana-novak-2``...)."""
    return free_slug(name, Person.objects.all(), fallback="person", exclude_pk=exclude_pk)


def ensure_person(
    *,
    name: str,
    slug: str | None = None,
    user: User | None = None,
    organisation=None,
    job_title: str = "",
    bio: str = "",
    public: bool = True,
) -> Person:
    """The person with this slug (or this user's person), created if missing.

    Idempotent, for the demo loader and imports: running it twice changes nothing. Fields of an
    existing person are left alone, except that a missing user or organisation link is filled in.
    """
    person = None
    if user is not None:
        person = Person.objects.filter(user=user).first()
    if person is None and slug:
        person = Person.objects.filter(slug=slug).first()
    if person is None:
        return Person.objects.create(
            name=name,
            slug=slug or unique_person_slug(name),
            user=user,
            organisation=organisation,
            job_title=job_title,
            bio=bio,
            public=public,
        )
    changed = []
    if user is not None and person.user_id is None:
        person.user = user
        changed.append("user")
    if organisation is not None and person.organisation_id is None:
        person.organisation = organisation
        changed.append("organisation")
    if changed:
        person.save(update_fields=changed)
    return person


def register_user(*, email: str, full_name: str, password: str, language: str = "en") -> User:
    """Create a login and its person profile (private until its owner makes it public)."""
    email = User.objects.normalize_email(email).strip().lower()
    full_name = full_name.strip()
    if User.objects.filter(email__iexact=email).exists():
        raise AccountError(
            {"email": [AccountError(_("An account with this e-mail exists."), code="email_taken")]}
        )
    candidate = User(email=email, full_name=full_name)
    try:
        validate_password(password, user=candidate)
    except ValidationError as error:
        raise AccountError({"password": error.error_list}) from error
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, preferred_language=language
        )
        Person.objects.create(
            user=user, name=full_name or email.split("@")[0], slug=unique_person_slug(full_name)
        )
    return user


def sign_up(*, email: str, full_name: str, password: str, language: str = "en") -> User | None:
    """A sign-up that does not tell whether the address has an account.

    A new address gets its account and a welcome e-mail; an address with an account gets no new
    one, and its owner an e-mail saying someone tried (``None`` is returned). The password is
    checked the same way in both cases, so the page answers alike."""
    email = User.objects.normalize_email(email).strip().lower()
    owner = User.objects.filter(email__iexact=email).first()
    if owner is None:
        user = register_user(email=email, full_name=full_name, password=password, language=language)
        emails.send_welcome(user)
        return user
    try:
        validate_password(password, user=User(email=email, full_name=full_name.strip()))
    except ValidationError as error:
        raise AccountError({"password": error.error_list}) from error
    emails.send_signup_attempt(owner)
    return None


def profile_of(user: User) -> Person:
    """The user's person profile, created on first use for accounts made without one."""
    return ensure_person(name=user.full_name or user.email.split("@")[0], user=user, public=False)


def update_profile(user: User, *, person: Person, preferred_language=None, **fields) -> Person:
    """Save the user's own profile. ``fields`` are Person fields (name, bio, photo...)."""
    if person.user_id != user.pk:
        raise PermissionDenied(_("This is not your profile."))
    allowed = {"name", "job_title", "bio", "photo", "public"}
    unknown = set(fields) - allowed
    if unknown:
        raise AccountError(_("Unknown profile fields."), code="unknown_fields")
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["slug", "user", "organisation"])
    with transaction.atomic():
        person.save()
        user.full_name = person.name
        update = ["full_name"]
        if preferred_language:
            user.preferred_language = preferred_language
            update.append("preferred_language")
        user.save(update_fields=update)
    return person


# API tokens -------------------------------------------------------------------------------------


def create_api_token(user: User) -> Token:
    """A new API token for the user; an existing one is revoked (rotation)."""
    with transaction.atomic():
        Token.objects.filter(user=user).delete()
        return Token.objects.create(user=user)


def delete_api_token(user: User) -> bool:
    """Revoke the user's API token. True if there was one."""
    deleted, _details = Token.objects.filter(user=user).delete()
    return bool(deleted)


def renew_calendar_link(user: User) -> str:
    """A new secret for the user's calendar link; the old link stops working at once."""
    user.calendar_secret = new_calendar_secret()
    user.save(update_fields=["calendar_secret"])
    return user.calendar_secret


# Memberships ------------------------------------------------------------------------------------


def add_founding_admin(user: User, organisation) -> Membership:
    """The person who adds an organisation to the directory becomes its first admin."""
    return Membership.objects.create(
        user=user, organisation=organisation, role=Membership.Role.ADMIN
    )


# Personal data (declared in ``apps.AccountsConfig.ready``) ------------------------------------


def person_is_referenced(person: Person) -> bool:
    """True when another record (a session's speaker list, a contact...) points to the person."""
    for relation in person._meta.related_objects:
        model = relation.related_model
        if model is User:
            continue
        accessor = relation.field.name
        if model._default_manager.filter(**{accessor: person}).exists():
            return True
    return False


def _delete_file_after_commit(field_file):
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


def anonymise_person(person: Person) -> Person:
    """Strip a person of everything that identifies them; the record stays for references."""
    _delete_file_after_commit(person.photo)
    person.name = _("Former participant")
    person.slug = f"former-participant-{person.pk}"
    person.job_title = ""
    person.bio = ""
    person.photo = ""
    person.public = False
    person.organisation = None
    person.user = None
    person.save()
    return person


def erase_person(erasure) -> None:
    """The user's person profile is anonymised when other records refer to it, else deleted."""
    person = Person.objects.filter(user=erasure.user).first()
    if person is None:
        return
    if person_is_referenced(person):
        anonymise_person(person)
    else:
        _delete_file_after_commit(person.photo)
        person.delete()


def erase_memberships(erasure) -> None:
    Membership.objects.filter(user=erasure.user).delete()


def erase_api_tokens(erasure) -> None:
    Token.objects.filter(user=erasure.user).delete()


def erase_mentions(erasure) -> None:
    """The action log and the admin's log stop naming the person (their name, their address)."""
    user = erasure.user
    person = Person.objects.filter(user=user).first()
    names = [user.full_name, user.email, person.name if person else ""]
    if not user.full_name:  # how matchmaking names someone without a name
        names.append(user.email.split("@")[0])
    redact(names, _("Former participant"))
    mentions = Q(object_repr__icontains=user.email) | Q(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    )
    if person is not None:
        mentions |= Q(
            content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
        )
    LogEntry.objects.filter(mentions).update(object_repr=_("Former participant"))


def erase_user(user: User, *, password: str) -> None:
    """Delete the account after checking the password (GDPR art. 17).

    Every app erases what it declared (``personal_data``): here the person profile, the
    memberships and the API token. Then the user goes.
    """
    if not user.check_password(password):
        raise AccountError(
            {"password": [AccountError(_("The password is not correct."), code="wrong_password")]}
        )
    with transaction.atomic():
        personal_data.erase_personal_data(user)
        user.delete()
