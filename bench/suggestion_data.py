"""A generated event with planted affinities, for bench/suggestions.py (no Django here).

Every participant offers one thing and seeks another, each a need made of a service, a product
and a qualifier ("testing" × "hydrogen tanks" × "high pressure"), written in a sentence with
filler around it. A planted pair is a requester and an offerer of the same need, written in
other words on each side: another phrasing of the service ("testing of" / "a lab that has
tested"), another name of the product, often a true synonym without a shared word ("hydrogen
tanks" / "H2 storage tanks", "PCBs" / "circuit boards", "IoT gateways" / "gateways for connected
devices"), and another phrasing of the qualifier ("at 700 bar pressure" / "under high
pressure"). The sentences are never copied from one side to the other. The other participants
are distractors drawn from the same words, so a planted partner competes with people who share
its ecosystem, its service, its product or its qualifier.

``generate`` returns the participants (what goes into the database) and, apart, the planted
pairs (which only the benchmark reads, to score the result).
"""

import random
from dataclasses import dataclass, field

# Service → phrasings; "{p}" is the product. Offers and requests pick different phrasings.
SERVICES = {
    "testing": ["testing of {p}", "tests on {p}", "a test lab for {p}", "{p} tested"],
    "recycling": ["recycling of {p}", "{p} recycled", "a recycler for {p}", "recycling {p}"],
    "certification": [
        "certification of {p}",
        "{p} certified",
        "certifying {p}",
        "a certifier for {p}",
    ],
    "simulation": ["simulation of {p}", "simulating {p}", "simulations of {p}", "{p} simulated"],
    "coating": ["coating of {p}", "coatings for {p}", "{p} coated", "coating {p}"],
    "machining": ["machining of {p}", "machined parts for {p}", "machining {p}", "{p} machined"],
    "monitoring": ["monitoring of {p}", "monitors for {p}", "{p} monitored", "monitoring {p}"],
    "financing": ["financing of {p}", "finance for {p}", "{p} financed", "financing {p}"],
    "training": ["training on {p}", "trainers for {p}", "training staff on {p}", "{p} training"],
    "design": ["design of {p}", "designers of {p}", "designing {p}", "{p} designed"],
    "maintenance": [
        "maintenance of {p}",
        "maintaining {p}",
        "{p} maintained",
        "maintainers for {p}",
    ],
    "prototyping": ["prototyping of {p}", "prototypes of {p}", "{p} prototyped", "prototyping {p}"],
    "assembly": ["assembly of {p}", "assembling {p}", "{p} assembled", "an assembler for {p}"],
}

# A product is a component for an application ("valves" × "buses"). People name both in many
# ways: other word forms and orders ("control valves", "valve units"), and true synonyms without a
# shared word ("seals" / "gaskets", "trucks" / "lorries", "hospitals" / "clinics").
COMPONENTS = {
    "valves": ["valves", "valve units", "control valves"],
    "seals": ["seals", "gaskets", "sealing rings"],
    "sensors": ["sensors", "sensor units", "probes"],
    "motors": ["electric motors", "motors", "e-drives"],
    "cables": ["cables", "cable harnesses", "wiring harnesses"],
    "frames": ["frames", "load-bearing frames", "chassis frames"],
    "batteries": ["batteries", "battery packs", "battery cells"],
    "pumps": ["pumps", "pump units", "circulation pumps"],
    "panels": ["panels", "composite panels", "sandwich panels"],
    "displays": ["displays", "screens", "touch displays"],
    "bearings": ["bearings", "ball bearings", "roller bearings"],
    "filters": ["filters", "filter units", "filtration cartridges"],
    "tanks": ["tanks", "storage tanks", "pressure vessels"],
    "controllers": ["controllers", "control units", "PLCs"],
    "heat exchangers": ["heat exchangers", "exchangers", "radiators"],
    "gearboxes": ["gearboxes", "transmissions", "gear units"],
    "lighting": ["LED lighting", "lights", "luminaires"],
    "hinges": ["hinges", "hinge units", "door hinges"],
    "actuators": ["actuators", "linear actuators", "servo actuators"],
    "springs": ["springs", "coil springs", "spring elements"],
    "fasteners": ["fasteners", "bolts and rivets", "fixings"],
    "hoses": ["hoses", "flexible hoses", "hose lines"],
    "antennas": ["antennas", "antennae", "aerials"],
    "cameras": ["cameras", "vision cameras", "imaging sensors"],
    "fans": ["fans", "blowers", "cooling fans"],
    "brakes": ["brakes", "brake discs", "braking systems"],
    "wheels": ["wheels", "wheel rims", "wheelsets"],
    "windows": ["windows", "glazing", "window panes"],
    "doors": ["doors", "door modules", "sliding doors"],
    "seats": ["seats", "seating", "seat frames"],
    "insulation": ["insulation", "thermal insulation", "insulating layers"],
    "housings": ["housings", "enclosures", "casings"],
    "chargers": ["chargers", "charging units", "charging electronics"],
    "membranes": ["membranes", "membrane stacks", "filter membranes"],
    "nozzles": ["nozzles", "spray nozzles", "injection nozzles"],
    "conveyors": ["conveyors", "conveyor belts", "belt conveyors"],
}
# Application → its industrial ecosystem and names.
APPLICATIONS = {
    "trams": ("mobility-transport-automotive", ["for trams", "for tramways", "for light rail"]),
    "bicycles": ("mobility-transport-automotive", ["for bicycles", "for e-bikes", "for bikes"]),
    "helicopters": ("aerospace-defence", ["for helicopters", "for rotorcraft", "for choppers"]),
    "rockets": ("aerospace-defence", ["for rockets", "for launchers", "for launch vehicles"]),
    "geothermal": (
        "energy-renewables",
        ["for geothermal plants", "for geothermal wells", "for deep geothermal"],
    ),
    "biogas": (
        "energy-renewables",
        ["for biogas plants", "for digesters", "for anaerobic digestion"],
    ),
    "laboratories": ("health", ["for laboratories", "for labs", "for clinical labs"]),
    "pharmacies": ("health", ["for pharmacies", "for drug dispensing", "for pharmacy robots"]),
    "greenhouses": ("agri-food", ["for greenhouses", "for glasshouses", "for greenhouse farming"]),
    "breweries": ("agri-food", ["for breweries", "for beer brewing", "for craft brewers"]),
    "bridges": ("construction", ["for bridges", "for bridge decks", "for footbridges"]),
    "tunnels": ("construction", ["for tunnels", "for tunnelling", "for underground works"]),
    "cement kilns": ("energy-intensive", ["for cement kilns", "for cement plants", "for kilns"]),
    "paper mills": ("energy-intensive", ["for paper mills", "for pulp mills", "for papermaking"]),
    "smart homes": ("digital", ["for smart homes", "for home automation", "for connected homes"]),
    "telecom towers": ("digital", ["for telecom towers", "for cell towers", "for base stations"]),
    "wearables": ("electronics", ["for wearables", "for smartwatches", "for fitness trackers"]),
    "chip fabs": ("electronics", ["for chip fabs", "for semiconductor fabs", "for wafer fabs"]),
    "hotels": ("tourism", ["for hotels", "for guesthouses", "for hotel rooms"]),
    "campsites": ("tourism", ["for campsites", "for camping grounds", "for glamping sites"]),
    "warehouses": ("retail", ["for warehouses", "for distribution centres", "for depots"]),
    "vending": ("retail", ["for vending machines", "for kiosks", "for self-service kiosks"]),
    "sportswear": ("textiles", ["for sportswear", "for athletic wear", "for sports garments"]),
    "theatres": ("cultural-creative", ["for theatres", "for stages", "for concert halls"]),
    "buses": ("mobility-transport-automotive", ["for buses", "for city buses", "for coaches"]),
    "trains": (
        "mobility-transport-automotive",
        ["for trains", "for rail vehicles", "for rolling stock"],
    ),
    "trucks": ("mobility-transport-automotive", ["for trucks", "for lorries", "for heavy trucks"]),
    "cars": (
        "mobility-transport-automotive",
        ["for cars", "for passenger cars", "for automobiles"],
    ),
    "ships": ("mobility-transport-automotive", ["for ships", "for vessels at sea", "for boats"]),
    "aircraft": ("aerospace-defence", ["for aircraft", "for airliners", "for planes"]),
    "drones": ("aerospace-defence", ["for drones", "for UAVs", "for unmanned aircraft"]),
    "satellites": (
        "aerospace-defence",
        ["for satellites", "for spacecraft", "for small satellites"],
    ),
    "wind turbines": ("energy-renewables", ["for wind turbines", "for wind farms", "for turbines"]),
    "hydrogen": (
        "energy-renewables",
        ["for hydrogen plants", "for H2 refuelling", "for hydrogen stations"],
    ),
    "solar": ("energy-renewables", ["for solar farms", "for PV plants", "for photovoltaic plants"]),
    "hospitals": ("health", ["for hospitals", "for clinics", "for hospital wards"]),
    "medical devices": (
        "health",
        ["for medical devices", "for medtech devices", "for medical equipment"],
    ),
    "farms": ("agri-food", ["for farms", "for agriculture", "for farm machinery"]),
    "food plants": ("agri-food", ["for food plants", "for food processing", "for dairies"]),
    "buildings": ("construction", ["for buildings", "for houses", "for office buildings"]),
    "steel mills": ("energy-intensive", ["for steel mills", "for steelworks", "for foundries"]),
    "chemical plants": (
        "energy-intensive",
        ["for chemical plants", "for refineries", "for chemical sites"],
    ),
    "data centres": ("digital", ["for data centres", "for server rooms", "for data centers"]),
    "robots": ("electronics", ["for robots", "for industrial robots", "for cobots"]),
    "ski resorts": ("tourism", ["for ski resorts", "for ski areas", "for mountain resorts"]),
    "shops": ("retail", ["for shops", "for retail stores", "for supermarkets"]),
    "textile mills": (
        "textiles",
        ["for textile mills", "for weaving mills", "for garment factories"],
    ),
    "museums": ("cultural-creative", ["for museums", "for galleries", "for exhibitions"]),
}

# Qualifier → phrasings: what makes a need specific (the conditions, the rules, the setting).
QUALIFIERS = {
    "offshore": ["for offshore sites", "used offshore", "offshore"],
    "cold": ["for arctic cold", "for cold climates", "in extreme cold"],
    "pressure": ["at 700 bar", "for high pressure", "pressurised"],
    "small series": ["in small series", "as small-series batches", "in short series"],
    "fire rules": ["to EN 45545", "fire-rated to EN 45545", "for EN 45545 fire safety"],
    "bio-based": ["bio-based", "from bio-based resins", "in bio-based composites"],
    "lightweight": ["lightweight", "with less weight", "in a lighter-weight build"],
    "atex": ["for ATEX zones", "ATEX-certified", "ATEX explosion-proof"],
    "sterile": ["sterile", "for sterile rooms", "sterilisable"],
    "5g": ["with 5G", "over 5G networks", "5G-connected"],
    "mining": ["for mining sites", "in post-mining areas", "on old mining land"],
    "vibration": ["under vibration", "vibration-resistant", "withstanding vibrations"],
    "humidity": ["for humid climates", "against humidity", "humidity-proof"],
    "retrofit": ["as a retrofit", "retrofitted", "for retrofitting"],
    "off-grid": ["off-grid", "away from the grid", "without a grid connection"],
    "cyber": ["cyber-secure", "with cyber-security", "hardened against cyber attacks"],
    "wheelchair": ["for wheelchair users", "wheelchair-accessible", "accessible by wheelchair"],
    "noise": ["with low noise", "low-noise", "quieter, with less noise"],
    "disassembly": ["for disassembly", "easy to disassemble", "built for disassembly"],
    "night": ["for night shifts", "in night operation", "working nights"],
}

OFFER_OPENINGS = [
    "We offer {x}.",
    "Our members provide {x}.",
    "We can bring {x}.",
    "Available: {x}.",
]
SEEK_OPENINGS = [
    "We are looking for {x}.",
    "Our members need {x}.",
    "Wanted: {x}.",
    "We would like to find {x}.",
]
FILLER = [
    "We are a cluster of small firms and research groups.",
    "Our region has a long industrial tradition.",
    "We took part in several Horizon Europe projects.",
    "Our team speaks English, German and Polish.",
    "We are open to joint applications and pilots.",
    "The company was founded by engineers from the local university.",
    "We have worked with partners in twelve countries.",
    "Members range from start-ups to large manufacturers.",
]
COUNTRIES = ["PL", "CZ", "SK", "DE", "AT", "FR", "IT", "ES", "BE", "NL", "FI", "SE", "RO", "HU"]
EXTRA_ECOSYSTEMS = sorted({eco for eco, _names in APPLICATIONS.values()})


@dataclass
class Need:
    """One side of a participant: a (service, product) pair put into words."""

    service: str
    component: str
    application: str
    qualifier: str
    title: str  # the phrase alone ("Testing of H2 storage tanks"), an opportunity's title
    text: str  # the phrase in a sentence


@dataclass
class Person:
    number: int
    organisation: int
    country: str
    ecosystems: list
    offer: Need
    seek: Need
    filler: str
    offer_as_opportunity: bool = False
    seek_as_opportunity: bool = False
    target_countries: list = field(default_factory=list)


def _phrase(rng, need, openings, other=None, kept=()):
    """The need in words. With ``other`` (the words of the other side of a planted pair), each
    facet takes other words than it, except the facets in ``kept``."""
    service, component, application, qualifier = need
    choices = [
        SERVICES[service],
        COMPONENTS[component],
        APPLICATIONS[application][1],
        QUALIFIERS[qualifier],
    ]
    words = []
    for facet, options in enumerate(choices):
        if other is None:
            words.append(rng.choice(options))
        elif facet in kept:
            words.append(other[facet])
        else:
            words.append(rng.choice([o for o in options if o != other[facet]]))
    phrasing, name, use, condition = words
    phrase = phrasing.format(p=f"{name} {use} {condition}")
    sentence = rng.choice(openings).format(x=phrase)
    title = phrase[0].upper() + phrase[1:]
    return title, sentence[0].upper() + sentence[1:], tuple(words)


def _need(rng, need, openings, other=None, kept=()):
    title, text, words = _phrase(rng, need, openings, other, kept)
    return Need(*need, title, text), words


def generate(participants=2000, planted=400, seed=2022):
    """``participants`` people; ``planted`` of them request what another one offers, in other
    words. Returns (people, planted pairs as (requester number, offerer number))."""
    rng = random.Random(seed)

    def random_combo():
        return (
            rng.choice(sorted(SERVICES)),
            rng.choice(sorted(COMPONENTS)),
            rng.choice(sorted(APPLICATIONS)),
            rng.choice(sorted(QUALIFIERS)),
        )

    planted_needs = set()
    while len(planted_needs) < planted:
        planted_needs.add(random_combo())
    people, pairs = [], []
    organisations = 0

    def person(offer, seek):
        nonlocal organisations
        number = len(people)
        if people and rng.random() < 0.08:  # a colleague of an earlier participant
            organisation = rng.choice(people).organisation
        else:
            organisations += 1
            organisation = organisations
        ecosystems = {APPLICATIONS[offer.application][0]}
        if rng.random() < 0.5:
            ecosystems.add(APPLICATIONS[seek.application][0])
        if rng.random() < 0.3:
            ecosystems.add(rng.choice(EXTRA_ECOSYSTEMS))
        people.append(
            Person(
                number=number,
                organisation=organisation,
                country=rng.choice(COUNTRIES),
                ecosystems=sorted(ecosystems),
                offer=offer,
                seek=seek,
                filler=" ".join(rng.sample(FILLER, 2)),
                offer_as_opportunity=rng.random() < 0.5,
                seek_as_opportunity=rng.random() < 0.5,
                target_countries=rng.sample(COUNTRIES, 2) if rng.random() < 0.2 else [],
            )
        )
        return people[-1]

    def random_need(openings):
        return _need(rng, random_combo(), openings)[0]

    for need in sorted(planted_needs):
        seek, used = _need(rng, need, SEEK_OPENINGS)
        # Two, three or all four facets in other words; the rest as the requester put them.
        rephrased = set(rng.sample(range(4), rng.choice([2, 3, 4])))
        kept = set(range(4)) - rephrased
        offer, _words = _need(rng, need, OFFER_OPENINGS, other=used, kept=kept)
        requester = person(random_need(OFFER_OPENINGS), seek)
        offerer = person(offer, random_need(SEEK_OPENINGS))
        while offerer.organisation == requester.organisation:
            organisations += 1
            offerer.organisation = organisations
        pairs.append((requester.number, offerer.number))
    while len(people) < participants:
        person(random_need(OFFER_OPENINGS), random_need(SEEK_OPENINGS))
    order = list(range(len(people)))
    rng.shuffle(order)  # planted partners are not neighbours in the input
    position = {old: new for new, old in enumerate(order)}
    shuffled = [people[old] for old in order]
    for new, p in enumerate(shuffled):
        p.number = new
    return shuffled, [(position[a], position[b]) for a, b in pairs]
