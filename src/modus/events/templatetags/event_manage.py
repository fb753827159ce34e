"""Template helpers for the pages co-hosts use: ``{% if request.user|is_cohost:event %}``."""

from django import template

from ..permissions import is_cohost

register = template.Library()
register.filter("is_cohost", is_cohost)
