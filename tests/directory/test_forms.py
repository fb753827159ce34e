import pytest
from django.utils import translation

from modus.directory.forms import DirectorySearchForm, region_choices
from modus.directory.reference import is_latin
from tests.factories import RegionFactory


@pytest.fixture
def foreign_regions(regions):
    made = dict(regions)
    for code, name, level, parent in [
        ("EL", "Greece", 0, None),
        ("EL3", "Αττική", 1, "EL"),
        ("EL30", "Aττική", 2, "EL3"),
        ("ELZ", "Extra-Regio NUTS 1", 1, "EL"),
        ("ELZZ", "Extra-Regio NUTS 2", 2, "ELZ"),
        ("BG", "Bulgaria", 0, None),
        ("BG4", "Югозападна и Южна централна България", 1, "BG"),
        ("BG41", "Югозападен", 2, "BG4"),
    ]:
        made[code] = RegionFactory(
            code=code, name=name, level=level, parent=made.get(parent) if parent else None
        )
    return made


def test_the_region_chooser_offers_latin_names_without_extra_regio(foreign_regions):
    with translation.override("en"):
        choices = region_choices()
    codes = [code for code, _name, _country in choices]
    names = {code: name for code, name, _country in choices}
    assert "ELZ" not in codes and "ELZZ" not in codes
    assert names["EL3"] == "Attiki" and names["BG41"] == "Yugozapaden"
    assert all(is_latin(name) for name in names.values())
    # Belgium, Bulgaria, Czechia, Greece, Poland; NUTS 1 before its NUTS 2 regions
    assert codes == ["BE1", "BE10", "BG4", "BG41", "CZ0", "CZ01", "CZ08", "EL3", "EL30",
                     "PL2", "PL21", "PL22"]  # fmt: skip


def test_the_region_chooser_is_a_text_box_with_suggestions(foreign_regions):
    html = str(DirectorySearchForm()["region"])
    assert 'list="id_region-choices"' in html
    assert '<option value="EL30">Attiki · Greece</option>' in html
    assert "Extra-Regio" not in html and "Αττική" not in html


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("pl22", "PL22"),
        ("slaskie", "PL22"),
        ("Śląskie", "PL22"),
        ("attiki", "EL3"),
        ("Αττική", "EL3"),
        ("EL30 Attiki", "EL30"),
        ("Katowicki", "PL22A"),
    ],  # fmt: skip
)
def test_people_may_type_a_code_or_a_name(foreign_regions, typed, code):
    form = DirectorySearchForm({"region": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["region"] == code


def test_an_unknown_or_ambiguous_name_is_a_field_error(foreign_regions):
    RegionFactory(code="PL9", name="Praha", level=1, parent=foreign_regions["PL"])
    form = DirectorySearchForm({"region": "Atlantis"})
    assert not form.is_valid()
    assert form.errors["region"] == ["There is no region with this name or NUTS code."]
    form = DirectorySearchForm({"region": "praha"})
    assert not form.is_valid()
    assert "several countries" in form.errors["region"][0]


def test_countries_in_the_filter_follow_the_page_language(regions):
    with translation.override("cs"):
        labels = [label for _value, label in DirectorySearchForm().fields["country"].choices]
    assert labels.index("Česko") < labels.index("Dánsko")
