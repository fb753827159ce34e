"""The news admin: articles, a publish/withdraw action and "Import a news page"."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modus.web.translation_forms import TranslationFieldsetsMixin

from . import services
from .errors import NewsError, NewsImportError
from .forms import ArticleAdminForm, NewsImportForm
from .models import Article


@admin.register(Article)
class ArticleAdmin(TranslationFieldsetsMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "status",
        "language",
        "author_organisation",
        "created_at",
        "published_at",
    ]
    list_filter = ["status", "language", "published_at", "author_organisation"]
    list_select_related = ["author_organisation"]
    search_fields = ["title", "slug", "lead", "body"]
    date_hierarchy = "created_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["author_organisation", "organisations", "regions", "events"]
    readonly_fields = ["updated_at"]
    actions = ["publish_selected", "withdraw_selected"]
    change_list_template = "admin/news/article/change_list.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("created_at", timezone.now())
        return initial

    def save_model(self, request, obj, form, change):
        # The admin saves through the same service as every other caller, so the body is
        # sanitised and publishing sets its time.
        # ArticleAdminForm has already run the same rules, so this does not fail here.
        services.update_article(obj, actor=request.user)

    @admin.action(description=_("Publish the selected articles"))
    def publish_selected(self, request, queryset):
        published = 0
        for article in queryset:
            try:
                services.publish_article(article, actor=request.user)
            except NewsError as error:
                self.message_user(request, f"{article}: {error.message}", messages.WARNING)
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext("%d article published.", "%d articles published.", published) % published,
                messages.SUCCESS,
            )

    @admin.action(description=_("Withdraw the selected articles (back to draft)"))
    def withdraw_selected(self, request, queryset):
        withdrawn = 0
        for article in queryset:
            try:
                services.withdraw_article(article, actor=request.user)
            except NewsError as error:
                self.message_user(request, f"{article}: {error.message}", messages.WARNING)
            else:
                withdrawn += 1
        if withdrawn:
            self.message_user(
                request,
                ngettext("%d article withdrawn.", "%d articles withdrawn.", withdrawn) % withdrawn,
                messages.SUCCESS,
            )

    def get_urls(self):
        extra = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="news_article_import",
            )
        ]
        return extra + super().get_urls()

    def import_view(self, request):
        """Staff who may add articles: upload a saved news page; it becomes a draft."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = NewsImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                article = services.import_news_page(
                    upload.read(),
                    filename=upload.name,
                    author_organisation=form.cleaned_data["author_organisation"],
                    language=form.cleaned_data["language"],
                    actor=request.user,
                )
            except NewsImportError as error:
                form.add_error("file", error)
            else:
                self.message_user(
                    request,
                    _("Imported “%(title)s” as a draft. Check it, then publish it.")
                    % {"title": article.title},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:news_article_change", args=[article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import a news page"),
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/news/article/import.html", context)
