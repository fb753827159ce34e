from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from modus.web.tasks import send_email
from modus.web.uploads import check_image_upload

from .models import Person
from .throttling import reset_mail_allowed


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for e-mail addresses."""

    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    def clean_username(self):
        # Addresses are stored in lower case, so "Jana@Example.org" signs in too.
        return self.cleaned_data["username"].strip().lower()


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        password, again = cleaned.get("password"), cleaned.get("password_confirm")
        if password and again and password != again:
            self.add_error(
                "password_confirm",
                forms.ValidationError(_("The two passwords differ."), code="password_mismatch"),
            )
        return cleaned


class ProfileForm(forms.ModelForm):
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )

    class Meta:
        model = Person
        fields = ["name", "job_title", "bio", "photo", "public"]
        widgets = {"photo": forms.ClearableFileInput(attrs={"accept": "image/*"})}

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            check_image_upload(photo)
        return photo


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and its data are erased for good."), required=True
    )


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset link as a background job (inline without a broker, Celery with one)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if not reset_mail_allowed(to_email):  # the address had its share of links this hour
            return
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        send_email.delay(to=[to_email], subject=subject, body=body, html_body=html_body)
