import base64
import re
import zlib

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from modus.matchmaking import dates, pdf, selectors
from modus.matchmaking.models import ScheduleVersion
from tests.factories import MarketplaceProfileFactory

from .support import at_a_venue, make_version

pytestmark = pytest.mark.django_db

STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.S)
BFCHAR = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]{4})>")
SHOWN = re.compile(rb"\(((?:[^()\\]|\\.)*)\) Tj")


def _streams(data: bytes) -> list[bytes]:
    out = []
    for raw in STREAM.findall(data):
        if raw.rstrip().endswith(b"~>"):  # ASCII85, then Flate
            raw = base64.a85decode(raw.rstrip()[:-2].replace(b"\n", b""))
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
    return out


def _unescape(text: bytes) -> bytes:
    def octal(match):
        value = match.group(1)
        if value.isdigit():
            return bytes([int(value, 8)])
        return {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(value, value)

    return re.sub(rb"\\([0-7]{1,3}|.)", octal, text, flags=re.S)


def pdf_text(data: bytes) -> str:
    """Every shown string, decoded with each of the embedded fonts' ToUnicode maps in turn.

    The fonts are subsets, so their codes only mean something through these maps; the decoding
    with the right map is among the results, the others are noise that no test looks for.
    """
    streams = _streams(data)
    maps = [
        {int(code, 16): chr(int(uni, 16)) for code, uni in BFCHAR.findall(s)}
        for s in streams
        if b"beginbfchar" in s
    ]
    shown = [_unescape(t) for s in streams for t in SHOWN.findall(s)]
    decoded = [t.decode("latin-1") for t in shown]
    for mapping in maps:
        decoded += ["".join(mapping.get(b, "?") for b in t) for t in shown]
    return "\n".join(decoded)


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", b"\n".join([data, *_streams(data)])))


@pytest.fixture
def pair(event):
    return (
        MarketplaceProfileFactory(
            event=event, user__full_name="Alicja Łukasiewicz", organisation__name="Śląski Klaster"
        ),
        MarketplaceProfileFactory(
            event=event, user__full_name="Bořivoj Dvořák", organisation__name="Moravský klastr"
        ),
    )


def test_personal_pdf_has_the_names_in_polish_and_czech(client, event, pair):
    alice, bob = pair
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    response = client.get(reverse("matchmaking:agenda-pdf", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Alicja Łukasiewicz" in text
    assert "Bořivoj Dvořák" in text
    assert "Moravský klastr" in text
    assert page_count(data) == 1


def test_personal_pdf_follows_the_users_language(client, event, pair):
    alice, bob = pair
    make_version(event, [(alice, bob)])
    client.force_login(alice.user)
    client.cookies["django_language"] = "pl"
    data = client.get(reverse("matchmaking:agenda-pdf", kwargs={"slug": event.slug})).content
    with translation.override("en"):
        english = pdf_text(pdf.agenda_pdf(selectors.personal_agenda(event, alice.user)))
    assert "Personal agenda: Alicja" in english
    polish = pdf_text(data)
    assert "Godzina" in polish and "Godzina" not in english  # "Time"


def test_organiser_pdf_has_a_page_per_participant_and_the_table_plan(client, event, cohost, pair):
    alice, bob = pair
    carol = MarketplaceProfileFactory(event=event, user__full_name="Carol Smith")
    make_version(event, [(alice, bob), (alice, carol)])
    client.force_login(cohost)
    response = client.get(reverse("matchmaking:agendas-pdf", kwargs={"slug": event.slug}))
    data = response.content
    assert data.startswith(b"%PDF")
    assert page_count(data) == 4  # three agendas and the table plan
    text = pdf_text(data)
    assert "Carol Smith" in text and "Bořivoj Dvořák" in text
    assert "Table plan of" in text
    assert "Alicja Łukasiewicz – Bořivoj Dvořák" in text


def test_organiser_pdf_without_any_run_sends_back_to_the_schedule(client, event, cohost):
    client.force_login(cohost)
    response = client.get(reverse("matchmaking:agendas-pdf", kwargs={"slug": event.slug}))
    assert response.status_code == 302
    assert response.url == reverse("matchmaking:schedule", kwargs={"slug": event.slug})


def test_organisers_can_print_a_draft(client, event, cohost, pair):
    make_version(event, [pair], status=ScheduleVersion.Status.DRAFT)
    client.force_login(cohost)
    data = client.get(reverse("matchmaking:agendas-pdf", kwargs={"slug": event.slug})).content
    assert "Bořivoj Dvořák" in pdf_text(data)


@pytest.fixture
def at_the_venue(event, pair):
    """The event at a venue, its matchmaking session in Hall B, the pair's meeting at table 1."""
    return at_a_venue(event, make_version(event, [pair]).meetings.get())


def test_the_pdf_gives_venue_hall_and_table_and_grammatical_dates(
    client, event, pair, at_the_venue
):
    alice, _bob = pair
    client.force_login(alice.user)
    url = reverse("matchmaking:agenda-pdf", kwargs={"slug": event.slug})
    text = " ".join(pdf_text(client.get(url).content).split())  # the column wraps lines
    assert "Table 1" in text and "Hall: Hall B" in text
    assert "Congress Centre, Plac Sławika 1, Katowice" in text
    day = timezone.localtime(at_the_venue.starts_at, event.zone).date()
    for language in ("cs", "pl"):
        client.cookies["django_language"] = language
        text = pdf_text(client.get(url).content)
        with translation.override(language):
            assert dates.day(day) in text  # "úterý 8. listopadu 2022", "wtorek, 8 listopada 2022"
    czech_month = {1: "ledna", 2: "února", 3: "března", 4: "dubna", 5: "května", 6: "června",
                   7: "července", 8: "srpna", 9: "září", 10: "října", 11: "listopadu",
                   12: "prosince"}  # fmt: skip
    client.cookies["django_language"] = "cs"
    assert f"{day.day}. {czech_month[day.month]} {day.year}" in pdf_text(client.get(url).content)
