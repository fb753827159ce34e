"""Signals of the events app, for the apps that build on it.

``agenda_sessions_loaded`` is sent (``sender=Session``, ``sessions=[...]``) when the public
agenda or a session page has read its sessions, before they are shown. An app above events
answers by attaching what it shows under a session as an attribute of the session, reading it
for all the sessions at once (one query), so the page's query count does not grow with the
agenda. Selection attaches ``running_order``, the pitches of a pitching session.
"""

from django.dispatch import Signal

agenda_sessions_loaded = Signal()
