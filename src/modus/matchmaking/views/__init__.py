"""Matchmaking's pages, one module per audience: ``organisers`` (setup, the schedule page, runs),
``changes`` (moving a meeting, rescheduling, publishing over a published schedule after a
preview), ``participants`` (marketplace, profile, requests, availability, meetings) and ``agenda``
(personal agendas, the organisers' printout, outcomes)."""
