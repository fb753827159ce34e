"""Matchmaking's pages, one module per audience: ``organisers`` (setup, schedule, runs, changes),
``participants`` (marketplace, profile, requests, availability, meetings) and ``agenda``
(personal agendas, the organisers' printout, outcomes)."""
