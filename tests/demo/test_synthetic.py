import pytest
from django.core.paginator import Paginator

from modus.demo.synthetic import generate_organisations
from modus.directory.models import Organisation
from modus.directory.reference import is_latin
from modus.directory.selectors import search_organisations
from modus.directory.services import load_regions

pytestmark = pytest.mark.django_db


def test_generates_deterministic_organisations_once():
    load_regions()
    quiet = lambda *args: None  # noqa: E731
    assert generate_organisations(40, log=quiet) == 40
    first = list(Organisation.objects.order_by("slug").values_list("slug", "name", "region_id"))
    assert first[0][0] == "synthetic-00001"
    assert generate_organisations(40, log=quiet) == 0
    assert generate_organisations(50, log=quiet) == 10
    assert Organisation.objects.count() == 50

    organisations = Organisation.objects.prefetch_related("ecosystems").select_related("region")
    assert all(o.region.level == 3 for o in organisations)
    assert all(o.ecosystems.all() for o in organisations)
    assert len({o.kind for o in organisations}) >= 3
    assert all("not a real organisation" in o.description for o in organisations)

    # The same seed gives the same organisations.
    Organisation.objects.all().delete()
    generate_organisations(40, log=quiet)
    assert (
        list(Organisation.objects.order_by("slug").values_list("slug", "name", "region_id"))
        == first
    )


def test_synthetic_names_are_in_latin_letters():
    load_regions()
    generate_organisations(300, log=lambda *args: None)
    names = list(Organisation.objects.values_list("name", flat=True))
    assert all(is_latin(name) for name in names), [n for n in names if not is_latin(n)][:5]
    # some places come from Greek or Bulgarian regions, transliterated
    greek_or_bulgarian = Organisation.objects.filter(region__country_code__in=["EL", "BG"])
    assert greek_or_bulgarian.exists()


def test_synthetic_organisations_are_searchable():
    load_regions()
    generate_organisations(30, log=lambda *args: None)
    sample = Organisation.objects.order_by("slug").first()
    word = sample.technology_fields[0].split()[0][:5]
    assert sample in search_organisations(word)


def test_ten_thousand_organisations_load_and_every_search_answers():
    """Scale without timing: the speed target lives in bench/public_pages.py."""
    load_regions()
    assert generate_organisations(10_000, log=lambda *args: None) == 10_000
    assert Organisation.objects.count() == 10_000
    queries = ["", "aviat", "cluster", "hydrogen robot", "katow", '"AND (']
    filters = [{}, {"kind": "cluster"}, {"region": "PL2"}, {"ecosystem": "digital"}]
    for query in queries:
        for extra in filters:
            page = Paginator(search_organisations(query, **extra), 20).get_page(1)
            assert len(page.object_list) <= 20
    assert search_organisations("cluster").count() > 0
