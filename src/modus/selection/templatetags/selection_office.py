"""Template tags for the panels the application page includes for managers and reviewers."""

from django import template

from ..models import Review
from ..permissions import may_review

register = template.Library()


@register.simple_tag(takes_context=True)
def manager_panel_data(context, application):
    """Reviewers, scores, forms and log for ``selection/_manager_panel.html``."""
    from ..views.office import manager_panel_context

    return manager_panel_context(context["request"], application)


@register.simple_tag(takes_context=True)
def reviewer_panel_data(context, application):
    """The viewer's own review sheets for this application (none if they may not review it)."""
    user = context["request"].user
    if not may_review(user, application):
        return []
    return list(Review.objects.filter(application=application, reviewer=user).order_by("stage"))
