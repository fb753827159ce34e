"""Regions get their Latin names (0004) and over-long organisation names are shortened (0005)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("directory", "0003_search_vector_column")]
AFTER = [("directory", "0005_organisation_name_200")]


def migrate(targets):
    """Migrate and return the app registry of the state reached."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_regions_get_latin_names_and_long_names_are_shortened_without_loss():
    old = migrate(BEFORE)
    Region = old.get_model("directory", "Region")
    Organisation = old.get_model("directory", "Organisation")
    Region.objects.create(code="EL3", name="Αττική", level=1, country_code="EL")
    Region.objects.create(code="PL22", name="Śląskie", level=2, country_code="PL")
    long_name = "Association of " + "very " * 45 + "long names"  # 250 characters
    Organisation.objects.create(slug="long", name=long_name[:250], kind="other", description="Hi.")
    Organisation.objects.create(slug="short", name="Short name", kind="other")
    try:
        new = migrate(AFTER)
        Region = new.get_model("directory", "Region")
        Organisation = new.get_model("directory", "Organisation")
        assert dict(Region.objects.values_list("code", "latin_name")) == {
            "EL3": "Attiki",
            "PL22": "Śląskie",
        }
        shortened = Organisation.objects.get(slug="long")
        assert len(shortened.name) == 200 and shortened.name.endswith("…")
        assert shortened.description == f"{long_name[:250]}\n\nHi."
        assert Organisation.objects.get(slug="short").name == "Short name"
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
