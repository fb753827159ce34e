import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from modus.web.forms import add_service_errors

from . import selectors, services
from .forms import DirectorySearchForm, ImportForm, OrganisationForm
from .models import Organisation, Region
from .permissions import may_edit_organisation, may_exchange_csv

PAGE_SIZE = 20
REGION_ORGANISATIONS_SHOWN = 20


def staff_only(view):
    """For the CSV exchange: anonymous people are sent to log in; others who may not, 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_exchange_csv(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
def organisation_list(request):
    """Public: search and filter the directory of organisations."""
    form = DirectorySearchForm(request.GET or None)
    filters = form.filters()
    organisations = selectors.search_organisations(**filters).in_language()
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/organisation_list.html",
        {
            "form": form,
            "page_obj": page,
            "query": filters.get("query", ""),
            "can_export": may_exchange_csv(request.user),
        },
    )


@require_GET
@staff_only
def organisation_export(request):
    """Platform staff: the organisations of a directory search (all without filters) as CSV."""
    form = DirectorySearchForm(request.GET or None)
    out = io.StringIO()
    services.export_organisations_csv(selectors.search_organisations(**form.filters()), out)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="organisations.csv"'
    return response


@require_http_methods(["GET", "POST"])
@staff_only
def organisation_import(request):
    """Platform staff: upload a CSV file of organisations and see what was imported."""
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            report = services.import_organisations_csv(
                form.cleaned_data["file"], actor=request.user
            )
    else:
        form = ImportForm()
    return render(request, "directory/organisation_import.html", {"form": form, "report": report})


@require_GET
def organisation_detail(request, slug):
    """Public: an organisation's profile, the regions whose priorities fit it, its history across
    programmes, and news (panels of the events and news apps)."""
    try:
        organisation = selectors.organisation_detail(slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "organisation": organisation,
            "canonical_url": request.build_absolute_uri(organisation.get_absolute_url()),
            "can_edit": may_edit_organisation(request.user, organisation),
            "region_fits": selectors.regions_for_organisation(organisation),
        },
    )


@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    """Organisation admins of this organisation (and staff): edit its profile, and see the
    history of its edits."""
    organisation = get_object_or_404(Organisation.objects.select_related("region"), slug=slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_edit_organisation(request.user, organisation):
        raise PermissionDenied
    if request.method == "POST":
        form = OrganisationForm(
            request.POST, request.FILES, instance=organisation, user=request.user
        )
        if form.is_valid():
            try:
                services.update_organisation(
                    organisation, actor=request.user, **form.changed_fields()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The profile was saved."))
                return redirect(organisation)
    else:
        form = OrganisationForm(instance=organisation, user=request.user)
    cluster_fields = [form[name] for name in OrganisationForm.CLUSTER_FIELDS if name in form.fields]
    staff_fields = [form[name] for name in OrganisationForm.STAFF_FIELDS if name in form.fields]
    skip = (
        set(OrganisationForm.CLUSTER_FIELDS)
        | set(OrganisationForm.STAFF_FIELDS)
        | OrganisationForm.tabbed_names()
    )
    return render(
        request,
        "directory/organisation_form.html",
        {
            "organisation": organisation,
            "form": form,
            "main_fields": [form[name] for name in form.fields if name not in skip],
            "cluster_fields": cluster_fields,
            "staff_fields": staff_fields,
        },
    )


@require_GET
def region_list(request):
    """Public: countries and their NUTS 2 regions."""
    return render(
        request, "directory/region_list.html", {"countries": selectors.regions_by_country()}
    )


@require_GET
def region_detail(request, code):
    """Public: a region, its smart-specialisation priorities, the clusters that fit them (inside
    and outside the region, with reasons), organisations and events (a panel of the events app)."""
    region = get_object_or_404(Region.objects.select_related("parent"), code=code.upper())
    organisations = selectors.region_organisations(region)
    ancestors = selectors.region_ancestors(region)
    shown = list(organisations[:REGION_ORGANISATIONS_SHOWN])
    total = len(shown) if len(shown) < REGION_ORGANISATIONS_SHOWN else organisations.count()
    return render(
        request,
        "directory/region_detail.html",
        {
            "region": region,
            "ancestors": ancestors,
            "fit": selectors.clusters_for_region(region, ancestors=ancestors),
            "children": region.children.order_by("code"),
            "priorities": selectors.region_priorities(region),
            "organisations": shown,
            "organisation_total": total,
        },
    )
