import json
import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import personal_data, selectors, services, throttling
from .forms import (
    EmailAuthenticationForm,
    EraseAccountForm,
    ProfileForm,
    QueuedPasswordResetForm,
    SignUpForm,
)
from .permissions import administers


class LoginView(auth_views.LoginView):
    """Public. Sign in with an e-mail address and password."""

    form_class = EmailAuthenticationForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def locked_out(request, original_response=None, credentials=None):
    """Public: what django-axes answers (429) instead of the login while logins are paused."""
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "accounts/locked_out.html", context, status=429)


class LogoutView(auth_views.LogoutView):
    """Logged-in users (POST only). Ends the session."""


class PasswordResetView(auth_views.PasswordResetView):
    """Public. Asks for an e-mail address and sends a reset link to it if an account exists.

    A client that asks too often in an hour is refused (429); an address gets a few links an
    hour at most (beyond that the page answers as usual and nothing is sent)."""

    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if throttling.reset_refused_for_client(self.request):
            form.add_error(
                None,
                ValidationError(
                    _("Too many requests from your network; try again in an hour."),
                    code="throttled",
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    """Public. Says that the e-mail is on its way."""

    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Public, with a valid link from the reset e-mail. Sets a new password."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    """Public. Confirms the new password."""

    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Logged-in users. Change their own password."""

    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    """Logged-in users. Confirms the change."""

    template_name = "accounts/password_change_done.html"


def signup(request):
    """Public (anonymous visitors). Create an account and its person profile.

    The answer is the same whether or not the address already has an account (its owner gets
    an e-mail instead), so the page cannot be used to find out who has one."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_up(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("accounts:signup-done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    """Public. After signing up: look in your inbox, then log in."""
    return render(request, "accounts/signup_done.html")


@login_required
def profile(request):
    """Logged-in users: their own profile, memberships, API token and personal data."""
    person = services.profile_of(request.user)
    initial = {"preferred_language": request.user.preferred_language}
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=person, initial=initial)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
            if fields["photo"] in (None, False):  # "clear" was ticked
                fields["photo"] = ""
            try:
                services.update_profile(
                    request.user,
                    person=person,
                    preferred_language=form.cleaned_data["preferred_language"],
                    **fields,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your profile is saved."))
                return redirect("accounts:profile")
        person.refresh_from_db()
    else:
        form = ProfileForm(instance=person, initial=initial)
    memberships = [
        (membership, administers(request.user, membership))
        for membership in selectors.memberships_of(request.user)
    ]
    context = {
        "form": form,
        "person": person,
        "memberships": memberships,
        "token": selectors.api_token_of(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_create(request):
    """Logged-in users (POST). Create or rotate their own API token; shows the key once."""
    token = services.create_api_token(request.user)
    response = render(request, "accounts/token_created.html", {"token": token})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_delete(request):
    """Logged-in users (POST). Revoke their own API token."""
    if services.delete_api_token(request.user):
        messages.success(request, _("Your API token is revoked."))
    return redirect("accounts:profile")


@login_required
def export_data(request):
    """Logged-in users. Download everything Modus holds about them, as JSON."""
    data = personal_data.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"modus-personal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def erase_account(request):
    """Logged-in users. Erase their own account after seeing what goes (each category of their
    data with its count, and what happens to others) and confirming with their password."""
    form = EraseAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_user(request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account is erased."))
            return redirect("web:home")
    context = {
        "form": form,
        "preview": personal_data.erasure_preview(request.user),
        "warnings": personal_data.erasure_warnings(request.user),
    }
    return render(request, "accounts/erase_account.html", context)


def person_detail(request, slug):
    """Public. The profile of a person who made it public; 404 otherwise."""
    person = selectors.public_person_or_404(slug)
    return render(request, "accounts/person_detail.html", {"person": person})
