"""Pitching sessions: ``setup`` (the co-hosts' call and running order), ``jury`` (the phone
score sheets) and ``audience`` (the vote and the results)."""
