from django.utils import translation

from modus.directory.reference import COUNTRY_NAMES, fold, latin_name, sorted_countries


def test_latin_names_stay_and_greek_or_cyrillic_names_are_transliterated():
    assert latin_name("Śląskie") == "Śląskie"
    assert latin_name("Région de Bruxelles-Capitale") == "Région de Bruxelles-Capitale"
    assert latin_name("Αττική") == "Attiki"
    assert latin_name("Aττική") == "Attiki"  # a Latin A among Greek letters
    assert latin_name("Югозападен") == "Yugozapaden"


def test_fold_ignores_accents_case_and_script():
    assert fold("  ŚLĄSKIE ") == fold("slaskie") == "slaskie"
    assert fold("Αττική") == fold("attiki")


def test_countries_are_sorted_by_their_name_in_the_page_language():
    with translation.override("cs"):
        names = [name for _code, name in sorted_countries(COUNTRY_NAMES)]
        # Česko between C and D (not after Ž as by code point), Švédsko after Srbsko
        assert names.index("Česko") < names.index("Dánsko")
        assert names.index("Srbsko") < names.index("Švédsko")
    with translation.override("en"):
        codes = [code for code, _name in sorted_countries(["DE", "EL", "CZ", "UK"])]
        assert codes == ["CZ", "DE", "EL", "UK"]  # Czechia, Germany, Greece, United Kingdom
    with translation.override("pl"):
        names = [name for _code, name in sorted_countries(COUNTRY_NAMES)]
        assert names.index("Łotwa") > names.index("Litwa")
        assert names.index("Łotwa") < names.index("Malta")
