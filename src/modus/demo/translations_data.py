"""The demo in several languages: the Katowice edition and its agenda in Polish (as its Polish
co-host would publish it), and the seed's report in Czech (its author's language) and Polish.

Every text here was written by hand for the demo; nothing is machine-translated at run time.
Running ``load`` again changes nothing: each object keeps its translations once they match.
"""

import re

from modus.events.models import Event, Session
from modus.events.services import bump_agenda_version
from modus.news.models import Article
from modus.web.translations import clean_translations

from .news_data import KATOWICE_ARTICLE_SLUG
from .programme_data import KATOWICE_SLUG

EVENT_POLISH = {
    "name": "Clusters meet Regions: Katowice",
    "description": (
        "Trzecia edycja i pierwsza po edycjach pilotażowych, w Międzynarodowym Centrum "
        "Kongresowym (MCK) w Katowicach, wokół priorytetów województwa śląskiego: energii, "
        "zdrowia, zrównoważonej gospodarki, ICT i przemysłów wschodzących. Odbyła się równolegle "
        "z 8. Kongresem Klastrów Polskich."
    ),
}

# Session slug: (Polish title, Polish abstract).
SESSIONS_POLISH = {
    "registration-and-welcome-coffee": (
        "Rejestracja i kawa powitalna",
        "Identyfikatory, kawa i pierwsza okazja, by poznać innych uczestników.",
    ),
    "opening": (
        "Otwarcie: polityka klastrowa UE i edycja katowicka",
        "Organizatorzy — Europejska Platforma Współpracy Klastrów, Polskie Stowarzyszenie "
        "Klastrów i Komisja Europejska — otwierają trzecią edycję cyklu i przedstawiają tło "
        "polityki klastrowej UE.",
    ),
    "green-and-digital-transition-and-resilience": (
        "Zielona i cyfrowa transformacja oraz budowanie odporności: co oznaczają dla regionów "
        "i klastrów?",
        "Czego podwójna transformacja i wezwanie do odporności wymagają w praktyce od regionów "
        "i ich organizacji klastrowych.",
    ),
    "coffee-break-morning": ("Przerwa kawowa", ""),
    "priority-areas-and-industrial-ecosystems-of-upper-silesia": (
        "Obszary priorytetowe i ekosystemy przemysłowe Górnego Śląska: mobilność, zdrowie, "
        "energia, ICT",
        "Inteligentne specjalizacje województwa śląskiego na lata 2021–2027 i stojące za nimi "
        "ekosystemy przemysłowe, w regionie, który od ponad trzydziestu lat przekształca swój "
        "przemysł i mieszkalnictwo.",
    ),
    "panel-regional-government-and-clusters": (
        "Panel: region i jego klastry we współpracy",
        "Jak samorząd województwa śląskiego współpracuje z organizacjami klastrowymi i czego "
        "obie strony od siebie oczekują.",
    ),
    "lunch-and-networking": (
        "Lunch i networking",
        "Wspólny lunch z uczestnikami 8. Kongresu Klastrów Polskich.",
    ),
    "interregional-cooperation-driven-by-clusters": (
        "Współpraca międzyregionalna napędzana przez klastry w obszarach priorytetowych "
        "Górnego Śląska",
        "Jak klastry prowadzą współpracę między regionami w dziedzinach wybranych przez "
        "województwo śląskie i gdzie jest w niej miejsce dla partnerów z innych regionów.",
    ),
    "panel-clusters-across-borders": (
        "Panel: klastry ponad granicami",
        "Organizacje klastrowe z sąsiednich regionów o tym, co wnoszą do współpracy z Górnym "
        "Śląskiem. Petr Tomasek reprezentuje Morawsko-Śląski Klaster Lotniczy z Czech.",
    ),
    "networking-afternoon": ("Networking", "Czas na kontynuowanie rozmów z całego dnia."),
    "matchmaking": (
        "Spotkania matchmakingowe jeden na jeden",
        "Umówione wcześniej spotkania uczestników szukających partnerów.",
    ),
    "coffee-break-day-2": ("Przerwa kawowa", ""),
    "pitching-session": (
        "Sesja pitchingowa",
        "Uczestnicy przedstawiają sali swoje projekty i pomysły na współpracę. Sesja została "
        "nagrana, a nagranie opublikowano po wydarzeniu; nie znamy jego adresu, dlatego nie "
        "podajemy tu linku.",
    ),
    "closing": (
        "Zakończenie i kawa na pożegnanie",
        "Ostatnie słowo organizatorów i kawa.",
    ),
}


def _html(source: str) -> str:
    return re.sub(r"\s+", " ", source).replace("> <", ">\n<").strip()


REPORT_CZECH = {
    "title": "Byli jsme v Katovicích na akci Clusters meet Regions",
    "lead": (
        "Národní klastrová asociace se zúčastnila třetího workshopu Clusters meet Regions, "
        "který se konal v Katovicích 7. a 8. listopadu 2022. Tohle jsme si z něj přivezli."
    ),
    "body": _html(
        """
<p>Clusters meet Regions je série dvoudenních workshopů, které pro Evropskou komisi pořádá
Evropská platforma pro spolupráci klastrů (ECCP). Každý ročník se koná v jiném hostitelském
regionu a spojuje jeho klastrové organizace s lidmi, kteří utvářejí regionální politiku, aby se
od sebe učili, porovnávali zkušenosti a navazovali kontakty vedoucí ke společné práci na průmyslu
regionu. První dva ročníky hostilo Španělsko a Litva; my jsme se připojili ke třetímu, v
Polsku.</p>

<h2>Dvě akce pod jednou střechou</h2>
<p>Katovický ročník uspořádala ECCP společně s Polskou klastrovou asociací a Evropskou komisí.
Konal se v Mezinárodním kongresovém centru v Katovicích ve stejných dnech jako 8. kongres
polských klastrů, takže každý účastník mohl sledovat oba programy.</p>

<h2>Region v proměně</h2>
<p>Workshop stál na prioritách Horního Slezska (Slezského vojvodství). Region je silně
industrializovaný a hustě osídlený a jeho průmysl i bydlení se mění už přes tři desetiletí. Do
roku 2030 očekává velkou poptávku po energetické a materiálové účinnosti v průmyslu a
stavebnictví, po obnovitelné energii a po nabíjecí infrastruktuře zabudované do budov. Roky
intenzivního průmyslu také zanechaly vážné, místy trvalé škody na životním prostředí, a proto je
zelená transformace v regionu tak zásadní.</p>

<h2>První den: přednášky a panely</h2>
<p>První den spojil prezentace a panelové diskuse. Řečníci se ptali, co zelená a digitální
transformace a požadavek odolnosti znamenají v praxi pro regiony a jejich klastry, představili
prioritní oblasti a průmyslové ekosystémy Horního Slezska (mimo jiné mobilitu, zdraví, energetiku
a ICT) a ukázali, jak mohou klastry v těchto oblastech táhnout spolupráci mezi regiony. Zazněl i
český hlas: Petr Tomášek zastupoval v jednom z panelů Moravskoslezský letecký klastr.</p>

<h2>Druhý den: pitching</h2>
<p>Druhý den jsme sledovali pitchingovou sekci, ve které účastníci představovali své projekty a
nápady na spolupráci. Sekce byla nahrávána a záznam byl po akci zveřejněn.</p>
"""
    ),
}

REPORT_POLISH = {
    "title": "Pojechaliśmy do Katowic na Clusters meet Regions",
    "lead": (
        "Czeskie Krajowe Stowarzyszenie Klastrów wzięło udział w trzecich warsztatach Clusters "
        "meet Regions, które odbyły się w Katowicach 7 i 8 listopada 2022 r. Oto, co z nich "
        "przywieźliśmy."
    ),
    "body": _html(
        """
<p>Clusters meet Regions to cykl dwudniowych warsztatów, które Europejska Platforma Współpracy
Klastrów (ECCP) prowadzi na zlecenie Komisji Europejskiej. Każda edycja odbywa się w innym
regionie gospodarzu i łączy jego organizacje klastrowe z osobami kształtującymi politykę
regionalną, by uczyły się od siebie, porównywały doświadczenia i nawiązywały kontakty prowadzące
do wspólnej pracy na rzecz przemysłu regionu. Dwie pierwsze edycje gościły Hiszpania i Litwa; my
dołączyliśmy do trzeciej, w Polsce.</p>

<h2>Dwa wydarzenia pod jednym dachem</h2>
<p>ECCP zorganizowała edycję katowicką wspólnie z Polskim Stowarzyszeniem Klastrów i Komisją
Europejską. Spotkanie odbyło się w Międzynarodowym Centrum Kongresowym w Katowicach w tych samych
dniach co 8. Kongres Klastrów Polskich, więc każdy uczestnik mógł śledzić oba programy.</p>

<h2>Region w transformacji</h2>
<p>Warsztaty zbudowano wokół priorytetów Górnego Śląska (województwa śląskiego). Region jest
silnie uprzemysłowiony i gęsto zaludniony, a jego przemysł i mieszkalnictwo zmieniają się od
ponad trzech dekad. Do 2030 r. spodziewa się dużego zapotrzebowania na efektywność energetyczną i
materiałową w przemyśle i budownictwie, na energię odnawialną oraz na infrastrukturę ładowania
wbudowaną w budynki. Lata intensywnego przemysłu pozostawiły też poważne, miejscami trwałe szkody
w środowisku, dlatego zielona transformacja jest tam tak ważna.</p>

<h2>Dzień pierwszy: wystąpienia i panele</h2>
<p>Pierwszy dzień łączył prezentacje i dyskusje panelowe. Prelegenci pytali, co zielona i
cyfrowa transformacja oraz wezwanie do odporności oznaczają w praktyce dla regionów i ich
klastrów, przedstawili obszary priorytetowe i ekosystemy przemysłowe Górnego Śląska (m.in.
mobilność, zdrowie, energię i ICT) i pokazali, jak klastry mogą napędzać współpracę między
regionami w tych dziedzinach. Na scenie zabrzmiał też czeski głos: Petr Tomasek reprezentował
w jednym z paneli Morawsko-Śląski Klaster Lotniczy.</p>

<h2>Dzień drugi: pitching</h2>
<p>Drugiego dnia śledziliśmy sesję pitchingową, w której uczestnicy przedstawiali swoje projekty
i pomysły na współpracę. Sesję nagrywano, a nagranie udostępniono po wydarzeniu.</p>
"""
    ),
}


def _set(instance, translations: dict) -> bool:
    """Store these translations unless the object already has them. True when it wrote."""
    cleaned = clean_translations(
        translations, instance.translatable_fields, original=instance.original
    )
    if instance.translations == cleaned:
        return False
    type(instance).objects.filter(pk=instance.pk).update(translations=cleaned)
    return True


def load(*, log=print) -> None:
    written = 0
    event = Event.objects.filter(slug=KATOWICE_SLUG).first()
    if event is not None:
        written += _set(event, {"pl": EVENT_POLISH})
        sessions = Session.objects.filter(event=event, slug__in=SESSIONS_POLISH)
        for session in sessions:
            title, abstract = SESSIONS_POLISH[session.slug]
            written += _set(session, {"pl": {"title": title, "abstract": abstract}})
    article = Article.objects.filter(slug=KATOWICE_ARTICLE_SLUG).first()
    if article is not None:
        written += _set(article, {"cs": REPORT_CZECH, "pl": REPORT_POLISH})
    if written and event is not None:
        bump_agenda_version(event)  # the cached agenda pages show the new texts
    log(f"Translations: Katowice agenda in Polish, report in Czech and Polish ({written} written).")
