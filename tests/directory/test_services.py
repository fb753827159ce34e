import pytest
from django.core.exceptions import PermissionDenied

from modus.accounts.models import Membership
from modus.activity.selectors import actions_on
from modus.directory.models import Ecosystem, Organisation, Region
from modus.directory.services import (
    OrganisationError,
    create_organisation,
    load_regions,
    save_organisation,
    update_organisation,
)
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_load_regions_is_idempotent_and_builds_the_tree(django_assert_max_num_queries):
    created = load_regions()
    assert created == Region.objects.count() + Ecosystem.objects.count()
    assert Ecosystem.objects.count() == 14
    assert Ecosystem.objects.get(key="mobility-transport-automotive").label == (
        "Mobility – transport – automotive"
    )
    slaskie = Region.objects.select_related("parent__parent").get(code="PL22")
    assert slaskie.name == "Śląskie"
    assert slaskie.level == 2
    assert slaskie.parent.code == "PL2"
    assert slaskie.parent.parent.code == "PL"
    assert slaskie.parent.parent.level == 0
    assert slaskie.parent.parent.name == "Poland"
    assert Region.objects.get(code="PL22A").parent_id == "PL22"
    assert not Region.objects.filter(level__gt=0, parent__isnull=True).exists()
    assert not Region.objects.filter(code__startswith="IS").exists()  # statistical regions only

    with django_assert_max_num_queries(2):  # a second run only reads
        assert load_regions() == 0


def test_create_organisation_fills_search_text_and_country(aviation_cluster):
    text = aviation_cluster.search_text
    assert aviation_cluster.country_code == "CZ"
    for expected in ["Moravian-Silesian Aviation Cluster", "MSAC", "Aerospace & defence"]:
        assert expected in text
    assert "Moravskoslezský kraj" in text and "Czechia" in text


def test_create_organisation_refuses_a_duplicate_slug(aviation_cluster):
    with pytest.raises(OrganisationError) as error:
        create_organisation(name="Moravian-Silesian Aviation Cluster", kind="cluster")
    assert error.value.code == "duplicate_slug"


def test_a_signed_in_creator_becomes_admin(ecosystems):
    user = UserFactory()
    organisation = create_organisation(name="Nová firma", kind="company", actor=user)
    assert organisation.slug == "nova-firma"
    assert Membership.objects.get(user=user, organisation=organisation).role == "admin"


def test_admin_updates_and_search_text_follows(aviation_cluster, ecosystems):
    admin = MembershipFactory(organisation=aviation_cluster).user
    update_organisation(
        aviation_cluster,
        actor=admin,
        description="Drones and aircraft maintenance.",
        ecosystems=[ecosystems["digital"]],
    )
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.description == "Drones and aircraft maintenance."
    assert "Drones" in aviation_cluster.search_text
    assert "Digital" in aviation_cluster.search_text
    assert "Aerospace" not in aviation_cluster.search_text


@pytest.mark.parametrize("role", [None, Membership.Role.MEMBER, "other-org-admin"])
def test_only_admins_update(aviation_cluster, role):
    user = UserFactory()
    if role == "other-org-admin":
        MembershipFactory(user=user, organisation=OrganisationFactory())
    elif role:
        MembershipFactory(user=user, organisation=aviation_cluster, role=role)
    with pytest.raises(OrganisationError) as error:
        update_organisation(aviation_cluster, actor=user, name="Taken over")
    assert error.value.code == "not_admin"
    assert isinstance(error.value, PermissionDenied)
    aviation_cluster.refresh_from_db()
    assert aviation_cluster.name == "Moravian-Silesian Aviation Cluster"


def test_labels_are_for_staff(aviation_cluster):
    admin = MembershipFactory(organisation=aviation_cluster).user
    with pytest.raises(OrganisationError) as error:
        update_organisation(aviation_cluster, actor=admin, label=Organisation.Label.GOLD)
    assert error.value.code == "not_staff"
    staff = UserFactory(is_staff=True)
    update_organisation(aviation_cluster, actor=staff, label=Organisation.Label.GOLD)
    assert Organisation.objects.get(pk=aviation_cluster.pk).label == "gold"


def test_update_rejects_unknown_fields(aviation_cluster):
    staff = UserFactory(is_staff=True)
    with pytest.raises(TypeError):
        update_organisation(aviation_cluster, actor=staff, search_text="spam")


def test_a_profile_edit_is_logged_with_the_fields_it_changed(aviation_cluster, ecosystems):
    admin = MembershipFactory(organisation=aviation_cluster).user
    update_organisation(
        aviation_cluster,
        actor=admin,
        name=aviation_cluster.name,  # unchanged: not named
        city="Mošnov",
        ecosystems=[ecosystems["digital"]],
    )
    (entry,) = actions_on(aviation_cluster)
    assert entry.action == "directory.organisation.edited"
    assert entry.actor == admin
    assert entry.data == {"fields": ["city", "ecosystems"]}
    assert str(entry.label) == "Profile edited"
    update_organisation(aviation_cluster, actor=admin, city="Mošnov")  # no change, no entry
    assert actions_on(aviation_cluster).count() == 1


def test_the_system_save_writes_no_log(aviation_cluster):
    save_organisation(slug=aviation_cluster.slug, name="Renamed by an import")
    assert not actions_on(aviation_cluster).exists()
