import pytest

from modus.directory.models import Ecosystem
from modus.directory.services import create_organisation, load_ecosystems
from tests.factories import RegionFactory

# A small slice of the NUTS tree: enough for parents, prefixes and filters.
SMALL_TREE = [
    ("CZ", "Czechia", 0, None),
    ("CZ0", "Česko", 1, "CZ"),
    ("CZ08", "Moravskoslezsko", 2, "CZ0"),
    ("CZ080", "Moravskoslezský kraj", 3, "CZ08"),
    ("CZ01", "Praha", 2, "CZ0"),
    ("PL", "Poland", 0, None),
    ("PL2", "Makroregion południowy", 1, "PL"),
    ("PL22", "Śląskie", 2, "PL2"),
    ("PL22A", "Katowicki", 3, "PL22"),
    ("PL21", "Małopolskie", 2, "PL2"),
    ("BE", "Belgium", 0, None),
    ("BE1", "Région de Bruxelles-Capitale", 1, "BE"),
    ("BE10", "Région de Bruxelles-Capitale", 2, "BE1"),
]


@pytest.fixture
def ecosystems(db):
    load_ecosystems()
    return {e.key: e for e in Ecosystem.objects.all()}


@pytest.fixture
def regions(db):
    made = {}
    for code, name, level, parent in SMALL_TREE:
        made[code] = RegionFactory(
            code=code, name=name, level=level, parent=made.get(parent) if parent else None
        )
    return made


@pytest.fixture
def aviation_cluster(ecosystems, regions):
    return create_organisation(
        slug="moravian-silesian-aviation-cluster",
        name="Moravian-Silesian Aviation Cluster",
        acronym="MSAC",
        kind="cluster",
        region=regions["CZ080"],
        description="Aviation firms, schools and research in the Moravian-Silesian region.",
        ecosystems=[ecosystems["aerospace-defence"]],
        members_sme=20,
        members_research=3,
    )
