"""The Clusters meet Regions programme and its editions, from the public facts.

Places and dates are facts. Texts are our own summaries. The four editions announced for
October–November 2024 (Chișinău, Palma, Heilbronn, Charleroi) have no confirmed dates, so they
are named in the programme's description instead of being shown as events.
"""

import datetime as dt

from modus.directory.models import Organisation, Region
from modus.events.models import Event, EventOrganiser
from modus.events.services import save_event
from modus.programmes.services import save_programme
from modus.web.slugs import ascii_slug

PROGRAMME_SLUG = "clusters-meet-regions"
KATOWICE_SLUG = "clusters-meet-regions-katowice-2022"

PROGRAMME_DESCRIPTION = (
    "A series of transnational workshops run by the European Cluster Collaboration Platform for "
    "the European Commission. Each edition brings a host region's clusters and policymakers "
    "together around that region's own priorities: EU cluster policy, the partnership between "
    "the regional government and its clusters, sessions on the region's priority ecosystems, "
    "panels, one-to-one matchmaking and a pitching session.\n\n"
    "Host regions and co-hosts are chosen through a call for expression of interest with several "
    "cut-off dates. Editions in Chișinău, Palma, Heilbronn and Charleroi were announced for "
    "October–November 2024; whether they took place is unconfirmed."
)

# (number, city, country, NUTS 2 code, first day, last day, our summary)
EDITIONS = [
    (
        1,
        "Málaga",
        "ES",
        "ES61",
        (2022, 2, 16),
        (2022, 2, 17),
        "The first pilot edition, with the regional government of Andalusia.",
    ),
    (
        2,
        "Vilnius",
        "LT",
        "LT01",
        (2022, 4, 26),
        (2022, 4, 27),
        "The second pilot, on Baltic value chains, with hybrid matchmaking on the second day.",
    ),
    (
        3,
        "Katowice",
        "PL",
        "PL22",
        (2022, 11, 7),
        (2022, 11, 8),
        "The third edition and the first after the pilots, at the International Congress Centre "
        "(MCK) in Katowice, around the priorities of Śląskie (Upper Silesia): energy, health, "
        "sustainable economy, ICT and emerging industries. Held alongside the 8th Polish Cluster "
        "Congress.",
    ),
    (
        4,
        "Zagreb",
        "HR",
        "HR05",
        (2022, 11, 29),
        (2022, 11, 30),
        "Digital transformation and interregional cooperation.",
    ),
    (
        5,
        "Barcelona",
        "ES",
        "ES51",
        (2022, 12, 14),
        (2022, 12, 16),
        "Hosted with ACCIÓ; the last day marked 30 years of Catalan cluster policy.",
    ),
    (6, "Košice", "SK", "SK04", (2023, 3, 29), (2023, 3, 30), ""),
    (7, "Kittilä", "FI", "FI1D", (2023, 4, 25), (2023, 4, 27), "An edition in Lapland."),
    (8, "Skåne", "SE", "SE22", (2023, 6, 15), (2023, 6, 16), ""),
    (9, "Burgas", "BG", "BG34", (2023, 9, 13), (2023, 9, 15), ""),
    (10, "Lyon", "FR", "FRK2", (2023, 10, 12), (2023, 10, 13), ""),
    (11, "Prague", "CZ", "CZ01", (2023, 10, 23), (2023, 10, 24), ""),
    (12, "Düsseldorf", "DE", "DEA1", (2023, 11, 8), (2023, 11, 9), ""),
    (13, "Iași", "RO", "RO21", (2023, 11, 21), (2023, 11, 23), ""),
    (
        14,
        "Kraków",
        "PL",
        "PL21",
        (2023, 12, 11),
        (2023, 12, 12),
        "With the Małopolska regional development agency: aerospace, smart city, life sciences.",
    ),
    (15, "Milan", "IT", "ITC4", (2024, 3, 26), (2024, 3, 27), "The twin transition."),
    (16, "Graz", "AT", "AT22", (2024, 6, 18), (2024, 6, 19), ""),
    (
        21,
        "Vaasa",
        "FI",
        "FI19",
        (2025, 9, 24),
        (2025, 9, 25),
        "Energy technology; its pitching session fed a later collaboration lab.",
    ),
]


def load(*, log=print) -> None:
    owner = Organisation.objects.get(slug="eccp")
    programme = save_programme(
        slug=PROGRAMME_SLUG,
        name="Clusters meet Regions 2022–2025",
        owner=owner,
        description=PROGRAMME_DESCRIPTION,
        starts_on=dt.date(2022, 1, 1),
        ends_on=dt.date(2025, 12, 31),
    )
    regions = Region.objects.in_bulk([edition[3] for edition in EDITIONS])
    for number, city, country, code, first, last, summary in EDITIONS:
        slug = f"clusters-meet-regions-{ascii_slug(city)}-{first[0]}"
        save_event(
            slug=slug,
            name=f"Clusters meet Regions: {city}",
            programme=programme,
            edition_number=number,
            city=city,
            country_code=country,
            region=regions.get(code),
            starts_on=dt.date(*first),
            ends_on=dt.date(*last),
            description=summary,
            status=Event.Status.PUBLISHED,
        )
    katowice = Event.objects.get(slug=KATOWICE_SLUG)
    for org_slug, role in [
        ("eccp", EventOrganiser.Role.ORGANISER),
        ("polish-cluster-association", EventOrganiser.Role.COHOST),
        ("european-commission", EventOrganiser.Role.PARTNER),
    ]:
        EventOrganiser.objects.get_or_create(
            event=katowice, organisation=Organisation.objects.get(slug=org_slug), role=role
        )
    log(f"Programme '{programme.name}' with {len(EDITIONS)} editions.")
