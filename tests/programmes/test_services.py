import datetime as dt

import pytest

from modus.programmes.models import Programme
from modus.programmes.services import save_programme
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_save_programme_is_idempotent():
    owner = OrganisationFactory()
    fields = {"name": "Series", "owner": owner, "starts_on": dt.date(2022, 1, 1)}
    first = save_programme(slug="series", **fields)
    second = save_programme(slug="series", **fields)
    assert first.pk == second.pk
    assert Programme.objects.count() == 1
