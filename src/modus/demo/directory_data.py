"""The organisations, priorities and person of the demo, from the public facts.

Names, places and regions are facts (see the facts file); every description is our own summary.
No figures are invented: member counts and labels are left empty.
"""

from modus.accounts.services import ensure_person
from modus.directory.models import Ecosystem, Organisation, Region
from modus.directory.services import save_organisation, save_priority

OTHER = Organisation.Kind.OTHER
ASSOCIATION = Organisation.Kind.CLUSTER_ASSOCIATION
CLUSTER = Organisation.Kind.CLUSTER

ORGANISATIONS = [
    {
        "slug": "eccp",
        "name": "European Cluster Collaboration Platform",
        "acronym": "ECCP",
        "kind": OTHER,
        "city": "Brussels",
        "region": "BE10",
        "ecosystems": [],
        "description": (
            "The EU's online meeting place for cluster organisations. On behalf of the European "
            "Commission it runs the Clusters meet Regions series, in which a host region's "
            "clusters and policymakers work through that region's priorities together."
        ),
    },
    {
        "slug": "european-commission",
        "name": "European Commission",
        "acronym": "EC",
        "kind": OTHER,
        "city": "Brussels",
        "region": "BE10",
        "ecosystems": [],
        "description": (
            "The EU's executive. Its cluster policy is the frame for the Clusters meet Regions "
            "series, which the European Cluster Collaboration Platform runs for it."
        ),
    },
    {
        "slug": "polish-cluster-association",
        "name": "Polish Cluster Association",
        "kind": ASSOCIATION,
        "region": "PL",
        "ecosystems": [],
        "description": (
            "The national association of Poland's clusters. It co-organised the Katowice "
            "edition of Clusters meet Regions in November 2022, held alongside the 8th Polish "
            "Cluster Congress."
        ),
    },
    {
        "slug": "national-cluster-association-cz",
        "name": "National Cluster Association",
        "kind": ASSOCIATION,
        "city": "Prague",
        "region": "CZ01",
        "ecosystems": [],
        "description": (
            "The Czech Republic's national association of cluster organisations. It took part "
            "in the Katowice edition of Clusters meet Regions and wrote about it afterwards."
        ),
    },
    {
        "slug": "moravian-silesian-aviation-cluster",
        "name": "Moravian-Silesian Aviation Cluster",
        "acronym": "MSAC",
        "kind": CLUSTER,
        "region": "CZ080",
        "ecosystems": ["aerospace-defence"],
        "technology_fields": ["aviation"],
        "description": (
            "A cluster organisation for aviation in the Moravian-Silesian region of the Czech "
            "Republic. It joined a panel discussion at the Katowice edition of Clusters meet "
            "Regions in 2022."
        ),
    },
    {
        "slug": "mck-katowice",
        "name": "International Congress Centre (MCK)",
        "acronym": "MCK",
        "kind": OTHER,
        "city": "Katowice",
        "region": "PL22A",
        "ecosystems": [],
        "description": (
            "The congress centre in Katowice where the third Clusters meet Regions edition and "
            "the 8th Polish Cluster Congress took place on 7–8 November 2022."
        ),
    },
]

# Śląskie's smart-specialisation areas for 2021–2027, described in our own words.
SLASKIE_PRIORITIES = [
    (
        "Energy",
        "Energy and material efficiency in industry and buildings, renewable generation and "
        "charging for electric vehicles built into buildings, in a region leaving coal behind.",
        ["energy-renewables", "energy-intensive", "construction"],
    ),
    (
        "Health and medicine",
        "Medical technology, health services and life sciences.",
        ["health"],
    ),
    (
        "Sustainable economy",
        "Using resources sparingly and repairing the damage intensive industry has done to "
        "the region's environment.",
        ["energy-intensive", "construction", "proximity-social-economy"],
    ),
    (
        "Information and communication technologies",
        "Digital technologies that carry the region's industry through its transformation.",
        ["digital", "electronics"],
    ),
    (
        "Emerging industries: creative industries",
        "Creative and cultural businesses growing in the region's cities.",
        ["cultural-creative"],
    ),
    (
        "Emerging industries: mobility",
        "Transport, electromobility and the automotive supply chain.",
        ["mobility-transport-automotive"],
    ),
]
PRIORITY_PERIOD = "2021–2027"


def load(*, log=print) -> None:
    ecosystems = {e.key: e for e in Ecosystem.objects.all()}
    regions = Region.objects.in_bulk([o["region"] for o in ORGANISATIONS] + ["PL22"])
    for spec in ORGANISATIONS:
        spec = dict(spec)
        region = regions[spec.pop("region")]
        save_organisation(
            slug=spec.pop("slug"),
            region=region,
            country_code=region.country_code,
            ecosystems=[ecosystems[key] for key in spec.pop("ecosystems")],
            **spec,
        )
    log(f"Organisations: {len(ORGANISATIONS)} named in the seed.")

    slaskie = regions["PL22"]
    for position, (title, description, keys) in enumerate(SLASKIE_PRIORITIES, start=1):
        save_priority(
            region=slaskie,
            title=title,
            description=description,
            period=PRIORITY_PERIOD,
            position=position,
            ecosystems=[ecosystems[key] for key in keys],
        )
    log(f"Smart-specialisation priorities of Śląskie: {len(SLASKIE_PRIORITIES)}.")

    ensure_person(
        name="Petr Tomasek",
        slug="petr-tomasek",
        organisation=Organisation.objects.get(slug="moravian-silesian-aviation-cluster"),
        bio=(
            "Represented the Moravian-Silesian Aviation Cluster on a panel at Clusters meet "
            "Regions in Katowice, 2022."
        ),
        public=True,
    )
    log("Person: Petr Tomasek.")
