"""Demo news: the seed report from Katowice, retold in our own words, and two short notes.

The Katowice article keeps the seed's title and its "Created:" time (15 December 2022, 20:48:34
in Prague, where its Czech author wrote it); the body is our own summary of what the report says.
The other two articles are demo text written for Modus; they say so.

Running ``load`` again changes nothing: articles are found by their fixed slugs.
"""

import datetime as dt
import re
import zoneinfo

from modus.directory.models import Organisation, Region
from modus.events.models import Event
from modus.news.models import Article
from modus.news.services import create_article, publish_article

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
KATOWICE_ARTICLE_SLUG = "we-went-to-katowice-to-attend-clusters-meet-regions"

KATOWICE_LEAD = (
    "The Czech National Cluster Association took part in the third Clusters meet Regions "
    "workshop, held in Katowice on 7 and 8 November 2022. Here is what we brought home."
)
_KATOWICE_BODY_SOURCE = """
<p>Clusters meet Regions is a series of two-day workshops that the European Cluster
Collaboration Platform (ECCP) runs for the European Commission. Each edition takes place in a
different host region and brings its cluster organisations together with the people who shape
regional policy, so that they learn from each other, compare experience and build contacts that
lead to joint work on the region's industry. Spain and Lithuania hosted the first two editions;
we joined the third, in Poland.</p>

<h2>Two events under one roof</h2>
<p>The ECCP organised the Katowice edition together with the Polish Cluster Association and the
European Commission. It met at the International Congress Centre in Katowice on the same days as
the 8th Polish Cluster Congress, so everyone who came could follow both programmes.</p>

<h2>A region in transformation</h2>
<p>The workshop was built around the priorities of Upper Silesia (the Śląskie voivodeship). The
region is heavily industrialised and densely populated, and its industry and housing have been
changing for more than three decades. Up to 2030 it expects strong demand for energy and material
efficiency in industry and construction, for renewable energy and for charging infrastructure
built into buildings. Years of intensive industry have also left heavy, in places lasting, damage
to the environment, which is why the green transition is so central there.</p>

<h2>Day one: talks and panels</h2>
<p>The first day combined presentations and panel discussions. Speakers asked what the green and
digital transition and the call for resilience mean in practice for regions and their clusters,
presented the priority areas and industrial ecosystems of Upper Silesia (mobility, health, energy
and ICT among them), and showed how clusters can drive cooperation between regions in those
fields. A Czech voice was on stage too: Petr Tomasek represented the Moravian-Silesian Aviation
Cluster in one of the panels.</p>

<h2>Day two: pitching</h2>
<p>On the second day we followed the pitching session, in which participants presented their
projects and ideas for cooperation. The session was recorded, and the recording was made
available after the event.</p>
"""


def _one_line_per_block(html: str) -> str:
    """The source above is wrapped for reading; stored HTML keeps each block on one line."""
    return re.sub(r"\s+", " ", html).replace("> <", ">\n<").strip()


KATOWICE_BODY = _one_line_per_block(_KATOWICE_BODY_SOURCE)

# Our own demo notes about the programme. Both are marked as demo text in their lead.
OTHER_ARTICLES = [
    {
        "slug": "demo-clusters-meet-regions-heads-to-vaasa",
        "title": "Clusters meet Regions heads to Vaasa",
        "lead": (
            "Demo article written for Modus: the series continues in Vaasa, Finland, on "
            "24–25 September 2025, around energy technology."
        ),
        "body": (
            "<p>The next edition of Clusters meet Regions takes the series to Vaasa on the west "
            "coast of Finland, a region known for its energy-technology companies. Over two days "
            "cluster organisations and regional policymakers will look at the region's "
            "priorities, meet one to one, and hear a pitching session.</p>"
            "<p>This is demo text for the Modus software, not an official announcement.</p>"
        ),
        "created": dt.datetime(2025, 8, 1, 10, 0),
        "event": "clusters-meet-regions-vaasa-2025",
        "region": "FI19",
        "organisations": ["eccp"],
    },
    {
        "slug": "demo-how-a-region-becomes-a-host",
        "title": "How a region becomes a host of Clusters meet Regions",
        "lead": (
            "Demo article written for Modus: host regions and co-hosts are chosen through a call "
            "for expression of interest with several cut-off dates."
        ),
        "body": (
            "<p>Clusters, regional development agencies, business networks and national or "
            "regional authorities can apply to host an edition. Each application needs a letter "
            "of support from the regional authority. Applications are reviewed after each "
            "cut-off date, and the chosen host region prepares the two days with the programme "
            "office: the policy scene-setting, sessions on the region's priority ecosystems, "
            "panels, matchmaking and a pitching session.</p>"
            "<p>This is demo text for the Modus software, not an official call.</p>"
        ),
        "created": dt.datetime(2023, 2, 1, 9, 0),
        "event": None,
        "region": None,
        "organisations": ["eccp"],
    },
]


def _katowice(log):
    created = dt.datetime(2022, 12, 15, 20, 48, 34, tzinfo=PRAGUE)
    article = create_article(
        slug=KATOWICE_ARTICLE_SLUG,
        title="We went to Katowice to attend the Clusters Meet Regions",
        lead=KATOWICE_LEAD,
        body=KATOWICE_BODY,
        language="en",
        created_at=created,
        author_organisation=Organisation.objects.filter(
            slug="national-cluster-association-cz"
        ).first(),
        organisations=Organisation.objects.filter(
            slug__in=[
                "eccp",
                "polish-cluster-association",
                "european-commission",
                "moravian-silesian-aviation-cluster",
            ]
        ),
        regions=Region.objects.filter(code="PL22"),
        events=Event.objects.filter(slug="clusters-meet-regions-katowice-2022"),
    )
    publish_article(article, actor=None, at=created)
    log(f"News: “{article.title}” published.")


def _other(spec, log):
    created = spec["created"].replace(tzinfo=PRAGUE)
    article = create_article(
        slug=spec["slug"],
        title=spec["title"],
        lead=spec["lead"],
        body=spec["body"],
        language="en",
        created_at=created,
        organisations=Organisation.objects.filter(slug__in=spec["organisations"]),
        regions=Region.objects.filter(code=spec["region"] or ""),
        events=Event.objects.filter(slug=spec["event"] or ""),
    )
    publish_article(article, actor=None, at=created)
    log(f"News: demo article “{article.title}” published.")


def load(*, log=print) -> None:
    wanted = [KATOWICE_ARTICLE_SLUG, *(spec["slug"] for spec in OTHER_ARTICLES)]
    existing = set(Article.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    if KATOWICE_ARTICLE_SLUG not in existing:
        _katowice(log)
    for spec in OTHER_ARTICLES:
        if spec["slug"] not in existing:
            _other(spec, log)
    log("News: demo articles ready.")
