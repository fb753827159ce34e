import pytest
from django.urls import reverse

from modus.demo.loader import load_demo
from modus.directory.models import Region
from modus.directory.selectors import clusters_for_region

pytestmark = pytest.mark.django_db

ENERGY = {"energy-renewables", "energy-intensive"}
MOBILITY = {"mobility-transport-automotive"}


def test_slaskies_page_suggests_the_demos_energy_and_mobility_clusters_with_reasons(client):
    load_demo(organisations=0, log=lambda line: None)
    fit = clusters_for_region(Region.objects.get(code="PL22"))
    suggested = fit.inside + fit.outside
    keys = [{e.key for e in f.organisation.ecosystems.all()} for f in suggested]
    assert any(k & ENERGY for k in keys) and any(k & MOBILITY for k in keys)
    assert all(f.organisation.is_cluster for f in suggested)
    energy = next(f for f, k in zip(suggested, keys, strict=True) if k & ENERGY)
    mobility = next(f for f, k in zip(suggested, keys, strict=True) if k & MOBILITY)
    html = client.get(reverse("directory:region", kwargs={"code": "PL22"})).content.decode()
    section = html.split('id="fit-heading"')[1].split("</section>")[0]
    assert energy.organisation.name in section and mobility.organisation.name in section
    assert "meets the priority “Energy” through" in section
    assert "meets the priority “Emerging industries: mobility” through" in section
