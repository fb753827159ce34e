import pytest
from django.db import connection

from modus.directory.models import Organisation
from modus.directory.search import query_terms
from modus.directory.selectors import (
    clusters_for_region,
    region_ancestors,
    regions_for_organisation,
    search_organisations,
)
from modus.directory.services import create_organisation, save_priority, update_organisation
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(aviation_cluster, ecosystems, regions):
    others = [
        create_organisation(
            name="Silesian Hydrogen Cluster",
            kind="cluster",
            region=regions["PL22A"],
            description="Hydrogen valleys and energy storage.",
            ecosystems=[ecosystems["energy-renewables"]],
            label="gold",
        ),
        create_organisation(
            name="Katowice Software House",
            kind="company",
            region=regions["PL22A"],
            description="Software for aviation maintenance.",
            ecosystems=[ecosystems["digital"]],
        ),
        create_organisation(
            name="Prague Institute",
            kind="research",
            region=regions["CZ01"],
            description="Research in materials.",
        ),
    ]
    return [aviation_cluster, *others]


def names(queryset):
    return [o.name for o in queryset]


def test_backend_is_known():
    assert connection.vendor in {"sqlite", "postgresql"}


def test_aviation_finds_the_moravian_silesian_cluster(directory):
    results = names(search_organisations("aviation"))
    assert "Moravian-Silesian Aviation Cluster" in results
    assert "Silesian Hydrogen Cluster" not in results


def test_prefix_matching(directory):
    assert names(search_organisations("aviat")) == names(search_organisations("aviation"))
    assert names(search_organisations("hydro")) == ["Silesian Hydrogen Cluster"]
    assert names(search_organisations("moravian silesian aviat")) == [
        "Moravian-Silesian Aviation Cluster"
    ]


def test_best_match_first(directory):
    # The cluster has "aviation" in its name and description, the software house only once.
    assert names(search_organisations("aviation")) == [
        "Moravian-Silesian Aviation Cluster",
        "Katowice Software House",
    ]


def test_without_a_query_ordered_by_name(directory):
    assert names(search_organisations()) == sorted(o.name for o in directory)


def test_region_and_country_names_are_searchable(directory):
    assert set(names(search_organisations("Katowicki"))) == {
        "Katowice Software House",
        "Silesian Hydrogen Cluster",
    }
    assert "Prague Institute" in names(search_organisations("czechia"))


def test_filters(directory, regions, ecosystems):
    assert names(search_organisations(kind="research")) == ["Prague Institute"]
    assert set(names(search_organisations(country="PL"))) == {
        "Silesian Hydrogen Cluster",
        "Katowice Software House",
    }
    # a region includes its sub-regions
    assert set(names(search_organisations(region=regions["PL22"]))) == {
        "Silesian Hydrogen Cluster",
        "Katowice Software House",
    }
    assert names(search_organisations(region="CZ0")) == [
        "Moravian-Silesian Aviation Cluster",
        "Prague Institute",
    ]
    assert names(search_organisations(ecosystem="digital")) == ["Katowice Software House"]
    assert names(search_organisations(ecosystem=ecosystems["digital"])) == [
        "Katowice Software House"
    ]
    assert names(search_organisations(label="gold")) == ["Silesian Hydrogen Cluster"]
    assert names(search_organisations("aviation", region="PL")) == ["Katowice Software House"]


@pytest.mark.parametrize(
    "weird",
    ['"', "AND (", "OR", "NOT", "*", "aviat*", "a:b", "'; DROP TABLE x;--", "NEAR(a b)", "^", "-x",
     "(((", "\\", "&|!", "ñ", "  "],
)  # fmt: skip
def test_weird_input_never_fails(directory, weird):
    list(search_organisations(weird))
    search_organisations(weird).count()


def test_punctuation_only_means_no_query(directory):
    assert len(search_organisations('"')) == len(directory)


def test_query_terms_keep_only_words():
    assert query_terms('"Aviat*" AND (drones)') == ["aviat", "and", "drones"]
    assert query_terms("ŚLĄSKIE") == ["śląskie"]


def test_index_follows_edits_and_deletes(directory):
    cluster = directory[0]
    update_organisation(cluster, actor=UserFactory(is_staff=True), description="Spacecraft.")
    assert names(search_organisations("spacecr")) == ["Moravian-Silesian Aviation Cluster"]
    cluster.delete()
    assert names(search_organisations("spacecr")) == []


def test_plain_writes_are_indexed_too(db):
    OrganisationFactory(name="Quietly Made", search_text="zeppelin workshop")
    assert names(search_organisations("zeppel")) == ["Quietly Made"]
    Organisation.objects.filter(name="Quietly Made").update(search_text="balloon")
    assert names(search_organisations("zeppel")) == []
    assert names(search_organisations("ballo")) == ["Quietly Made"]


def test_region_ancestors(regions, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [r.code for r in region_ancestors(regions["PL22A"])] == ["PL", "PL2", "PL22"]


# Cluster–region fit -----------------------------------------------------------------------------


@pytest.fixture
def slaskie_fit(ecosystems, regions):
    save_priority(
        region=regions["PL22"],
        title="Energy",
        ecosystems=[ecosystems["energy-renewables"], ecosystems["energy-intensive"]],
    )
    save_priority(
        region=regions["PL22"],
        title="Mobility",
        ecosystems=[ecosystems["mobility-transport-automotive"]],
    )

    def cluster(name, region, *keys, kind="cluster"):
        return create_organisation(
            name=name, kind=kind, region=regions[region], ecosystems=[ecosystems[k] for k in keys]
        )

    return {
        "home": cluster("Katowice Energy Cluster", "PL22A", "energy-renewables"),
        "both": cluster(
            "Moravian Steel and Cars Cluster",
            "CZ080",
            "energy-intensive",
            "mobility-transport-automotive",
        ),
        "one": cluster("Prague Rail Cluster", "CZ01", "mobility-transport-automotive"),
        "unrelated": cluster("Brussels Health Cluster", "BE10", "health"),
        "company": cluster(
            "Katowice Motors", "PL22A", "mobility-transport-automotive", kind="company"
        ),
    }


def test_clusters_fit_a_regions_priorities_inside_and_outside_with_reasons(regions, slaskie_fit):
    fit = clusters_for_region(regions["PL22"])
    assert [f.organisation for f in fit.inside] == [slaskie_fit["home"]]
    # The cluster that meets two priorities comes first; the health cluster and the company
    # are not suggested.
    assert [f.organisation for f in fit.outside] == [slaskie_fit["both"], slaskie_fit["one"]]
    both = fit.outside[0]
    assert [(p.title, [e.key for e in shared]) for p, shared in both.matches] == [
        ("Energy", ["energy-intensive"]),
        ("Mobility", ["mobility-transport-automotive"]),
    ]
    assert (fit.inside_total, fit.outside_total) == (1, 2)


def test_a_sub_region_inherits_its_regions_priorities_and_totals_count_beyond_the_shown(
    regions, slaskie_fit
):
    fit = clusters_for_region(regions["PL22A"], shown=1)
    assert [f.organisation for f in fit.inside] == [slaskie_fit["home"]]
    assert len(fit.outside) == 1 and fit.outside_total == 2


def test_no_priorities_no_fit(regions, slaskie_fit):
    assert not clusters_for_region(regions["CZ080"])
    assert not clusters_for_region(None)


def test_regions_whose_priorities_match_an_organisation(regions, slaskie_fit, ecosystems):
    save_priority(
        region=regions["CZ080"],
        title="Cars",
        ecosystems=[ecosystems["mobility-transport-automotive"]],
    )
    fits = regions_for_organisation(slaskie_fit["both"])
    assert [f.region.code for f in fits] == ["PL22", "CZ080"]  # two priorities before one
    assert [p.title for p, _shared in fits[0].matches] == ["Energy", "Mobility"]
    assert regions_for_organisation(slaskie_fit["unrelated"]) == []
