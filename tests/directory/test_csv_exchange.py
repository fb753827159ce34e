import csv
import io

import pytest
from django.core.management import call_command

from modus.directory.forms import CSV_COLUMNS
from modus.directory.models import Organisation
from modus.directory.services import (
    OrganisationError,
    export_organisations_csv,
    import_organisations_csv,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BAD_ROWS = {
    # row index (0-based) → (change, words the reason must contain)
    10: ({"kind": "spaceship"}, "kind"),
    47: ({"region_code": "ZZ99"}, "ZZ99"),
    83: ({"website": "not a url"}, "website"),
}


def good_row(number: int) -> dict:
    row = dict.fromkeys(CSV_COLUMNS, "")
    row.update(
        name=f"Test Cluster {number:03d}",
        kind="cluster" if number % 2 else "company",
        region_code="CZ080" if number % 3 else "PL22A",
        city="Ostrava",
        website=f"https://cluster{number}.example.org",
        email=f"info{number}@example.org",
        founded_year=str(1990 + number % 30),
        description=f"Organisation number {number}, with aviation and hydrogen work.",
        ecosystems="aerospace-defence;digital" if number % 4 else "",
        technology_fields="drones;composites",
        members_sme=str(number),
        management_staff_fte="1.5",
        label="silver" if number % 5 == 0 else "",
        label_date="2021-06-30" if number % 5 == 0 else "",
        validation_status="validated",
    )
    return row


def to_csv(rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def hundred_rows(ecosystems, regions):
    rows = [good_row(n) for n in range(100)]
    for index, (change, _words) in BAD_ROWS.items():
        rows[index].update(change)
    return to_csv(rows)


def test_bad_rows_are_reported_and_good_rows_kept(hundred_rows):
    report = import_organisations_csv(hundred_rows)
    assert report.created == 97
    assert Organisation.objects.count() == 97
    # line 1 is the header: row index i is on line i + 2
    assert [line for line, _reason in report.rejected] == [12, 49, 85]
    for (_line, reason), (_change, words) in zip(report.rejected, BAD_ROWS.values(), strict=True):
        assert words in reason
    cluster = Organisation.objects.get(slug="test-cluster-001")
    assert cluster.region_id == "CZ080" and cluster.country_code == "CZ"
    assert {e.key for e in cluster.ecosystems.all()} == {"aerospace-defence", "digital"}
    assert cluster.technology_fields == ["drones", "composites"]
    assert "hydrogen" in cluster.search_text


def test_reimport_changes_nothing(hundred_rows):
    import_organisations_csv(hundred_rows)
    report = import_organisations_csv(hundred_rows)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 97)
    assert len(report.rejected) == 3


def test_export_reimports_unchanged(hundred_rows):
    import_organisations_csv(hundred_rows)
    out = io.StringIO()
    assert export_organisations_csv(Organisation.objects.all(), out) == 97
    Organisation.objects.filter(slug="test-cluster-002").update(city="Elsewhere")
    report = import_organisations_csv(out.getvalue())
    assert (report.created, report.updated, report.unchanged) == (0, 1, 96)
    assert report.rejected == []
    assert Organisation.objects.get(slug="test-cluster-002").city == "Ostrava"
    again = io.StringIO()
    export_organisations_csv(Organisation.objects.all(), again)
    assert again.getvalue() == out.getvalue()


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"name": ""}, "missing name"),
        ({"email": "nobody"}, "email"),
        ({"founded_year": "nineteen"}, "founded_year"),
        ({"founded_year": "1066"}, "founded_year"),
        ({"ecosystems": "digital;space-mining"}, "space-mining"),
        ({"label": "platinum"}, "label"),
        ({"country_code": "PL", "region_code": "CZ080"}, "CZ080"),
    ],
)
def test_each_kind_of_bad_value_has_a_clear_reason(ecosystems, regions, change, reason):
    row = good_row(1)
    row.update(change)
    report = import_organisations_csv(to_csv([row]))
    assert report.created == 0
    assert len(report.rejected) == 1
    line, message = report.rejected[0]
    assert line == 2
    assert reason in message


def test_unknown_columns_reject_the_file(db):
    report = import_organisations_csv("name,colour\nA,blue\n")
    assert report.rejected == [(1, "unknown columns: colour")]


def test_people_must_be_staff_to_import(db):
    with pytest.raises(OrganisationError) as error:
        import_organisations_csv("name,kind\nA,company\n", actor=UserFactory())
    assert error.value.code == "not_staff"


def test_commands_import_and_export(hundred_rows, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(hundred_rows, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        call_command("import_organisations", str(source))
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "97 created" in captured.out
    assert "line 12:" in captured.err
    assert Organisation.objects.count() == 97

    target = tmp_path / "out.csv"
    call_command("export_organisations", "--output", str(target))
    call_command("import_organisations", str(target))
    assert "0 created, 0 updated, 97 unchanged" in capsys.readouterr().out


# Formula injection --------------------------------------------------------------------------


def test_export_escapes_cells_a_spreadsheet_would_run(db):
    Organisation.objects.create(
        name="Evil Cluster",
        slug="evil-cluster",
        kind="cluster",
        acronym="@SUM(1+1)",
        description='=HYPERLINK("http://evil.example","Click")',
        phone="+420 596 123 456",
    )
    out = io.StringIO()
    export_organisations_csv(Organisation.objects.all(), out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["acronym"] == "'@SUM(1+1)"
    assert row["description"] == '\'=HYPERLINK("http://evil.example","Click")'
    # ... and the export still re-imports unchanged.
    report = import_organisations_csv(out.getvalue())
    assert (report.unchanged, report.rejected) == (1, [])
    assert Organisation.objects.get().acronym == "@SUM(1+1)"


def test_directory_export_page_escapes_formulas(client, db):
    Organisation.objects.create(name="Evil", slug="evil", kind="cluster", acronym="=1+1")
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/directory/export.csv")
    assert response.status_code == 200
    assert ",'=1+1," in response.content.decode()


def test_import_refuses_formula_cells_with_the_line_and_column(db):
    text = (
        "name,kind,description,phone\n"
        "Good,company,Fine,+420 596 123 456\n"
        "Bad,company,=cmd|' /C calc'!A0,\n"
    )
    report = import_organisations_csv(text)
    assert report.created == 1
    assert len(report.rejected) == 1
    line, reason = report.rejected[0]
    assert line == 3 and "description" in reason and "formula" in reason
    assert not Organisation.objects.filter(name="Bad").exists()


def test_import_command_exits_1_after_reporting_a_formula_row(db, tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text("name,kind,acronym\nGood,company,G\nBad,company,@SUM(1+1)\n")
    with pytest.raises(SystemExit) as exit_:
        call_command("import_organisations", str(source))
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert "1 created" in captured.out and "line 3:" in captured.err
