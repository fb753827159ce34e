import io

import pytest
from django.urls import reverse
from PIL import Image

from modus.accounts.models import Membership
from modus.directory.models import Ecosystem, Organisation
from modus.directory.services import create_organisation, load_ecosystems, save_priority
from tests.factories import (
    ArticleFactory,
    EventFactory,
    EventOrganiserFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

INDEX = reverse("directory:index")


def image_file(fmt="PNG", name="logo.png", size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format=fmt)
    buffer.seek(0)
    buffer.name = name
    return buffer


def make_organisations(count, ecosystems, regions, **extra):
    return [
        create_organisation(
            name=f"Cluster {n:02d}",
            kind="cluster",
            region=regions["PL22A"],
            ecosystems=[ecosystems["digital"], ecosystems["health"]],
            label="silver",
            **extra,
        )
        for n in range(count)
    ]


# Directory list -------------------------------------------------------------------------------


def test_directory_lists_and_searches(client, aviation_cluster, ecosystems, regions):
    make_organisations(2, ecosystems, regions)
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 organisations" in html
    assert 'type="search"' in html and 'name="q"' in html
    response = client.get(INDEX, {"q": "aviat"})
    assert list(response.context["page_obj"]) == [aviation_cluster]
    assert "Aerospace &amp; defence" in response.content.decode()


def test_directory_filters(client, aviation_cluster, ecosystems, regions):
    make_organisations(2, ecosystems, regions)
    response = client.get(INDEX, {"region": "PL22", "ecosystem": "digital", "label": "silver"})
    assert response.context["page_obj"].paginator.count == 2
    response = client.get(INDEX, {"country": "CZ", "kind": "cluster"})
    assert list(response.context["page_obj"]) == [aviation_cluster]


def test_invalid_filters_are_ignored_not_fatal(client, aviation_cluster):
    response = client.get(INDEX, {"region": "NOPE", "kind": "dragon", "page": "x"})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 1
    assert "There is no region with this name or NUTS code." in response.content.decode()


def test_directory_paginates_by_20(client, ecosystems, regions):
    make_organisations(23, ecosystems, regions)
    first = client.get(INDEX, {"kind": "cluster"})
    assert len(first.context["page_obj"]) == 20
    assert "kind=cluster&amp;page=2" in first.content.decode()
    second = client.get(INDEX, {"kind": "cluster", "page": 2})
    assert len(second.context["page_obj"]) == 3


@pytest.mark.parametrize("count", [1, 3])
def test_directory_query_count(client, ecosystems, regions, count, django_assert_num_queries):
    make_organisations(count, ecosystems, regions)
    # session-free anonymous request: count + page + ecosystems, and the form's two choice lists
    with django_assert_num_queries(5):
        client.get(INDEX)
    with django_assert_num_queries(6):  # + checking the region code
        client.get(INDEX, {"q": "cluster", "region": "PL22"})


def test_export_and_import_pages_are_for_staff(client, aviation_cluster):
    for url in [reverse("directory:export"), reverse("directory:import")]:
        assert client.get(url).status_code == 302
        client.force_login(UserFactory())
        assert client.get(url).status_code == 403
        client.logout()


def test_staff_exports_a_filtered_search(client, aviation_cluster, ecosystems, regions):
    make_organisations(2, ecosystems, regions)
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("directory:export"), {"country": "CZ"})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith("moravian-silesian-aviation-cluster,")


def test_staff_imports_a_file_and_sees_the_report(client, ecosystems, regions):
    client.force_login(UserFactory(is_staff=True))
    data = "name,kind,region_code\nGood One,company,CZ080\nBad One,spaceship,CZ080\n"
    upload = io.BytesIO(data.encode())
    upload.name = "orgs.csv"
    response = client.post(reverse("directory:import"), {"file": upload})
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.created, len(report.rejected)) == (1, 1)
    assert "spaceship" in response.content.decode()


def test_import_checks_the_size(client, settings, db):
    settings.MODUS_MAX_IMPORT_BYTES = 10
    client.force_login(UserFactory(is_staff=True))
    upload = io.BytesIO(b"name,kind\nA long enough file,company\n")
    upload.name = "orgs.csv"
    response = client.post(reverse("directory:import"), {"file": upload})
    assert response.context["report"] is None
    assert "too large" in response.content.decode()


# Organisation page ----------------------------------------------------------------------------


def test_organisation_page_shows_facts_events_and_news(client, aviation_cluster):
    event = EventFactory(name="Clusters meet Regions: Katowice")
    EventOrganiserFactory(event=event, organisation=aviation_cluster)
    article = ArticleFactory(title="We went to Katowice")
    article.organisations.add(aviation_cluster)
    response = client.get(aviation_cluster.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for expected in [
        "Moravian-Silesian Aviation Cluster",
        "Members by type",
        "Aerospace &amp; defence",
        "Not validated",
        "Clusters meet Regions: Katowice",
        "We went to Katowice",
        'property="og:title"',
        reverse("directory:region", kwargs={"code": "CZ080"}),
    ]:
        assert expected in html, expected
    assert "/edit/" not in html


def test_edit_link_only_for_admins(client, aviation_cluster):
    edit_url = reverse("directory:organisation-edit", kwargs={"slug": aviation_cluster.slug})
    client.force_login(UserFactory())
    assert edit_url not in client.get(aviation_cluster.get_absolute_url()).content.decode()
    client.force_login(MembershipFactory(organisation=aviation_cluster).user)
    assert edit_url in client.get(aviation_cluster.get_absolute_url()).content.decode()


def test_unknown_organisation_is_404(client, db):
    assert client.get(reverse("directory:organisation", kwargs={"slug": "nope"})).status_code == 404


# Editing --------------------------------------------------------------------------------------


def edit_url(organisation):
    return reverse("directory:organisation-edit", kwargs={"slug": organisation.slug})


def form_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "description": organisation.description,
        "website": "",
        "email": "",
        "phone": "",
        "city": organisation.city,
        "country_code": organisation.country_code,
        "region": organisation.region_id or "",
        "founded_year": "",
        "technology_fields": "",
        "members_sme": "20",
        "members_large": "",
        "members_research": "3",
        "members_public": "",
        "members_other": "",
        "management_staff_fte": "",
    }
    data.update(changes)
    return data


def test_admin_edits_the_profile(client, aviation_cluster, ecosystems):
    client.force_login(MembershipFactory(organisation=aviation_cluster).user)
    response = client.get(edit_url(aviation_cluster))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="members_sme"' in html
    assert 'name="label"' not in html  # awarded by staff
    response = client.post(
        edit_url(aviation_cluster),
        form_data(
            aviation_cluster,
            description="Drones over Ostrava.",
            technology_fields="drones\ncomposites; avionics",
            ecosystems=[ecosystems["digital"].pk],
            logo=image_file(),
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == aviation_cluster.get_absolute_url()
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.description == "Drones over Ostrava."
    assert aviation_cluster.technology_fields == ["drones", "composites", "avionics"]
    assert [e.key for e in aviation_cluster.ecosystems.all()] == ["digital"]
    assert aviation_cluster.logo.name.startswith("logos/")
    assert "Drones" in aviation_cluster.search_text


def test_the_edit_page_shows_the_history_of_edits(client, aviation_cluster):
    admin = MembershipFactory(organisation=aviation_cluster, user__full_name="Jana Admin").user
    client.force_login(admin)
    assert (
        "Nothing has been recorded yet." in client.get(edit_url(aviation_cluster)).content.decode()
    )
    client.post(edit_url(aviation_cluster), form_data(aviation_cluster, city="Mošnov"))
    html = client.get(edit_url(aviation_cluster)).content.decode()
    assert "Profile edited" in html
    assert "Jana Admin" in html
    assert "Nothing has been recorded yet." not in html


def test_non_cluster_form_has_no_cluster_fields(client, db):
    company = OrganisationFactory(kind=Organisation.Kind.COMPANY)
    client.force_login(MembershipFactory(organisation=company).user)
    assert 'name="members_sme"' not in client.get(edit_url(company)).content.decode()


def test_admin_of_another_organisation_gets_403(client, aviation_cluster):
    other = OrganisationFactory()
    client.force_login(MembershipFactory(organisation=other).user)
    assert client.get(edit_url(aviation_cluster)).status_code == 403
    response = client.post(edit_url(aviation_cluster), form_data(aviation_cluster, name="Mine"))
    assert response.status_code == 403
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.name == "Moravian-Silesian Aviation Cluster"


def test_plain_member_gets_403(client, aviation_cluster):
    member = MembershipFactory(organisation=aviation_cluster, role=Membership.Role.MEMBER).user
    client.force_login(member)
    assert client.get(edit_url(aviation_cluster)).status_code == 403


def test_anonymous_is_sent_to_log_in(client, aviation_cluster):
    response = client.get(edit_url(aviation_cluster))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    response = client.post(edit_url(aviation_cluster), form_data(aviation_cluster, name="Mine"))
    assert response.status_code == 302
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.name == "Moravian-Silesian Aviation Cluster"


@pytest.mark.parametrize(
    "upload, message",
    [
        (io.BytesIO(b"%PDF-1.4 not an image"), "Upload a valid image"),
        (image_file("BMP", "logo.bmp", size=(8, 8)), "Upload a JPEG, PNG, GIF or WebP image."),
        (image_file("PNG", "big.png", size=(600, 600)), "too large"),
    ],
)
def test_bad_logo_is_a_field_error_and_other_fields_stay(
    client, settings, aviation_cluster, upload, message
):
    settings.MODUS_MAX_IMAGE_BYTES = 1500
    if not hasattr(upload, "name"):
        upload.name = "logo.png"
    client.force_login(MembershipFactory(organisation=aviation_cluster).user)
    response = client.post(
        edit_url(aviation_cluster),
        form_data(aviation_cluster, description="Kept after the error.", logo=upload),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["logo"]
    assert message in str(form.errors["logo"])
    assert "Kept after the error." in response.content.decode()
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.description != "Kept after the error."
    assert not aviation_cluster.logo


def test_unknown_region_code_is_a_field_error(client, aviation_cluster):
    client.force_login(MembershipFactory(organisation=aviation_cluster).user)
    response = client.post(edit_url(aviation_cluster), form_data(aviation_cluster, region="XX9"))
    assert response.status_code == 200
    assert "There is no region with this NUTS code." in str(response.context["form"].errors)


def test_a_name_over_200_characters_is_a_field_error(client, aviation_cluster):
    client.force_login(MembershipFactory(organisation=aviation_cluster).user)
    response = client.get(edit_url(aviation_cluster))
    assert 'maxlength="200"' in response.content.decode()
    response = client.post(edit_url(aviation_cluster), form_data(aviation_cluster, name="N" * 201))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["name"]
    assert "at most 200 characters" in errors["name"][0]
    response = client.post(edit_url(aviation_cluster), form_data(aviation_cluster, name="N" * 200))
    assert response.status_code == 302


def test_the_acronym_is_shown_once(client, ecosystems, regions):
    create_organisation(
        slug="mck", name="International Congress Centre (MCK)", acronym="MCK", kind="other"
    )
    create_organisation(slug="pca", name="Polish Cluster Association", acronym="PCA", kind="other")
    detail = client.get(reverse("directory:organisation", kwargs={"slug": "mck"}))
    assert "(MCK) (MCK)" not in " ".join(detail.content.decode().split())
    listing = " ".join(client.get(INDEX).content.decode().split())
    assert listing.count("(MCK)") == 1
    assert '<span class="meta">(PCA)</span>' in listing


# Regions --------------------------------------------------------------------------------------


def test_region_list(client, regions):
    response = client.get(reverse("directory:regions"))
    html = response.content.decode()
    assert "Poland" in html and "Śląskie" in html and "PL22" in html
    assert "Katowicki" not in html  # NUTS 3 is on the region pages


def test_region_list_names_and_sorts_countries_in_the_page_language(client, regions):
    response = client.get(reverse("directory:regions"), headers={"accept-language": "cs"})
    countries = [country.display_name for country, _regions in response.context["countries"]]
    assert countries == ["Belgie", "Česko", "Polsko"]
    response = client.get(reverse("directory:regions"), headers={"accept-language": "pl"})
    countries = [country.display_name for country, _regions in response.context["countries"]]
    assert countries == ["Belgia", "Czechy", "Polska"]
    assert ">Czechy</a>" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_region_list_query_count(client, count, django_assert_num_queries):

    for n in range(count):
        country = RegionFactory(code=f"Q{n}", level=0)
        RegionFactory(code=f"Q{n}1", level=1, parent=country)
        RegionFactory(code=f"Q{n}11", level=2)
    with django_assert_num_queries(1):
        client.get(reverse("directory:regions"))


def make_priorities(region, ecosystems, count):
    for n in range(count):
        save_priority(
            region=region,
            title=f"Priority {n}",
            description=f"What priority {n} is about.",
            period="2021–2027",
            ecosystems=[ecosystems["health"], ecosystems["digital"]],
        )


def test_region_page_lists_priorities_organisations_and_events(
    client, regions, ecosystems, aviation_cluster
):
    make_priorities(regions["PL22"], ecosystems, 2)
    make_organisations(1, ecosystems, regions)
    EventFactory(name="Katowice edition", region=regions["PL22"])
    response = client.get(reverse("directory:region", kwargs={"code": "PL22"}))
    html = response.content.decode()
    assert response.status_code == 200
    for expected in ["Śląskie", "Priority 0", "Priority 1", "Health", "Cluster 00", "Katowicki"]:
        assert expected in html, expected
    assert "Katowice edition" in html
    assert "Moravian-Silesian" not in html
    assert [r.code for r in response.context["ancestors"]] == ["PL", "PL2"]
    assert f"{INDEX}?region=PL22" in html


def test_region_code_is_case_insensitive_and_unknown_is_404(client, regions):
    assert client.get(reverse("directory:region", kwargs={"code": "pl22"})).status_code == 200
    response = client.get(reverse("directory:region", kwargs={"code": "XX99"}))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_region_page_query_count(client, regions, ecosystems, count, django_assert_num_queries):
    make_priorities(regions["PL22"], ecosystems, count)
    make_organisations(count, ecosystems, regions)
    for n in range(count):
        create_organisation(
            name=f"Partner {n}",
            kind="cluster",
            region=regions["CZ080"],
            ecosystems=[ecosystems["health"]],
        )
        EventFactory(region=regions["PL22A"], slug=f"event-region-{n}")
    # region, ancestors, priorities (+ecosystems), organisations (+ecosystems), 2 event lists,
    # children; the fit: priorities (+ecosystems), clusters inside and outside (+ecosystems)
    with django_assert_num_queries(15):
        client.get(reverse("directory:region", kwargs={"code": "PL22"}))


def test_sitemap_lists_organisations_and_regions(client, aviation_cluster):
    html = client.get(reverse("sitemap")).content.decode()
    assert aviation_cluster.get_absolute_url() in html
    assert reverse("directory:region", kwargs={"code": "PL22"}) in html


def test_ecosystems_are_shown_in_the_readers_language(client):

    load_ecosystems()
    organisation = create_organisation(name="Silesian Sky Cluster", kind="cluster")
    organisation.ecosystems.set(Ecosystem.objects.filter(key="aerospace-defence"))
    response = client.get(organisation.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="cs")
    assert "Letectví, kosmonautika a obrana" in response.content.decode()
    listing = client.get(reverse("directory:index"), HTTP_ACCEPT_LANGUAGE="pl")
    assert 'value="aerospace-defence"' in listing.content.decode()


def test_region_page_suggests_clusters_inside_and_outside_with_reasons(
    client, regions, ecosystems, aviation_cluster
):
    save_priority(
        region=regions["PL22"], title="Aviation", ecosystems=[ecosystems["aerospace-defence"]]
    )
    create_organisation(
        name="Silesian Wings Cluster",
        kind="cluster",
        region=regions["PL22A"],
        ecosystems=[ecosystems["aerospace-defence"]],
    )
    html = client.get(reverse("directory:region", kwargs={"code": "PL22"})).content.decode()
    section = html.split('id="fit-heading"')[1].split("</section>")[0]
    inside, outside = section.split("Outside Śląskie")
    assert "Silesian Wings Cluster" in inside
    assert "Moravian-Silesian Aviation Cluster" in outside
    assert "meets the priority “Aviation” through Aerospace" in outside


def test_organisation_page_lists_the_regions_whose_priorities_match(
    client, regions, ecosystems, aviation_cluster
):
    save_priority(
        region=regions["PL22"], title="Aviation", ecosystems=[ecosystems["aerospace-defence"]]
    )
    save_priority(region=regions["BE10"], title="Health", ecosystems=[ecosystems["health"]])
    html = client.get(aviation_cluster.get_absolute_url()).content.decode()
    section = html.split('id="region-fit-heading"')[1].split("</section>")[0]
    assert "Śląskie" in section and "its priority “Aviation” covers Aerospace" in section
    assert "Bruxelles" not in section
