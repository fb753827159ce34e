"""Loads the demo: the real story of "Clusters meet Regions", told in our own words.

Every step is idempotent, so ``modus demo`` run twice changes nothing. The steps run in order
because later ones link to what earlier ones made (the programme's owner is an organisation,
the seed article links to the Katowice edition).
"""

from django.db import transaction

from modus.directory.services import load_regions

from . import (
    directory_data,
    event_agenda,
    logins,
    matchmaking_data,
    news_data,
    programme_data,
    results_data,
    selection_data,
    synthetic,
    translations_data,
    upcoming_edition,
)

DEFAULT_SYNTHETIC_ORGANISATIONS = 300


def load_demo(*, organisations: int = DEFAULT_SYNTHETIC_ORGANISATIONS, log=print) -> None:
    created = load_regions()
    log(f"Regions and ecosystems: {created} new.")
    with transaction.atomic():
        directory_data.load(log=log)
        programme_data.load(log=log)
        news_data.load(log=log)
        event_agenda.load(log=log)  # after the news: it links the seed report
        translations_data.load(log=log)  # after the agenda and the report it translates
    added = synthetic.generate_organisations(organisations, log=log)
    log(f"Synthetic organisations: {added} new ({organisations} wanted in all).")
    matchmaking_data.load(log=log)  # after event_agenda and the synthetic organisations
    selection_data.load(log=log)  # after matchmaking: pitchers and voters are its participants
    upcoming_edition.load(log=log)  # after the calls: its co-host, juror and participants
    results_data.load(log=log)  # after every edition's data: its figures read them
    logins.load(log=log)  # last: the accounts above exist
