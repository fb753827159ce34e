"""The portal's pages: the front pages (``front``) and each person's own (``personal``)."""

from .front import health, home, robots_txt
from .personal import dashboard, my_agenda, new_calendar_link

__all__ = ["dashboard", "health", "home", "my_agenda", "new_calendar_link", "robots_txt"]
