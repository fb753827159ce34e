"""The one list of an organisation's profile fields, and what derives from it."""

from modus.directory.api.serializers import (
    OrganisationDetailSerializer,
    OrganisationUpdateSerializer,
)
from modus.directory.forms import CSV_COLUMNS, OrganisationForm, OrganisationRowForm
from modus.directory.models import (
    AWARDED_FIELDS,
    CLUSTER_FIELDS,
    PROFILE_FIELDS,
    Organisation,
    slug_for,
)
from modus.directory.services.organisations import EDITABLE_FIELDS


def test_every_profile_field_is_a_field_of_the_model():

    names = {field.name for field in Organisation._meta.get_fields()}
    assert set(PROFILE_FIELDS) <= names
    assert set(CLUSTER_FIELDS) | set(AWARDED_FIELDS) <= set(PROFILE_FIELDS)


def test_the_form_services_csv_and_api_derive_their_fields_from_the_one_list():
    without_logo = [name for name in PROFILE_FIELDS if name != "logo"]
    # The description's languages: the form reads "translations" from a field per language;
    # the CSV holds the original only.
    languages = ("original_language", "translations")
    assert list(OrganisationForm.base_fields) == [n for n in PROFILE_FIELDS if n != "translations"]
    assert frozenset(PROFILE_FIELDS) == EDITABLE_FIELDS
    in_csv = [n if n != "region" else "region_code" for n in without_logo if n not in languages]
    assert ["slug", *in_csv] == CSV_COLUMNS
    assert list(OrganisationRowForm.base_fields) == CSV_COLUMNS
    assert list(OrganisationUpdateSerializer.Meta.fields) == without_logo
    assert set(without_logo) <= set(OrganisationDetailSerializer.Meta.fields)


def test_slugs_are_plain_ascii():
    assert slug_for("Śląskie Klaster Lotniczy") == "slaskie-klaster-lotniczy"
    assert len(slug_for("x" * 300)) == 220


def test_the_acronym_is_not_repeated_when_the_name_holds_it():
    def shown(name, acronym):
        return Organisation(name=name, acronym=acronym).acronym_to_show

    assert shown("International Congress Centre (MCK)", "MCK") == ""
    assert shown("Klaster MCK Katowice", "mck") == ""
    assert shown("Polish Cluster Association", "PCA") == "PCA"
    assert shown("MCKX Centre", "MCK") == "MCK"  # part of a longer word is not the acronym
    assert shown("Anything", "") == ""


def test_names_are_limited_to_200_characters():
    assert Organisation._meta.get_field("name").max_length == 200
    assert OrganisationRowForm.base_fields["name"].max_length == 200
