"""A suggestion's reasons in words, in the reader's language (stored as codes and parameters)."""

from django.utils.translation import gettext as _

from modus.directory.reference import ECOSYSTEM_LABELS


def in_words(reason: dict) -> str:
    code, params = reason.get("code"), reason.get("params", {})
    if code == "offers":
        return _("offers “%(title)s”, which you request") % params
    if code == "offers_profile":
        return _("offers what you seek")
    if code == "requests":
        return _("looks for “%(title)s”, which you offer") % params
    if code == "requests_profile":
        return _("looks for what you offer")
    if code == "ecosystems":
        labels = [str(ECOSYSTEM_LABELS.get(key, key)) for key in params.get("keys", [])]
        return _("shares your ecosystems: %(labels)s") % {"labels": ", ".join(labels)}
    if code == "priority":
        return (
            _("an organisation from %(region)s, whose priority “%(priority)s” you target") % params
        )
    if code == "wants_your_country":
        return _("asked for partners from your country")
    if code == "in_your_target":
        return _("comes from a country or region you target")
    return ""


def all_in_words(reasons) -> list[str]:
    return [text for text in (in_words(reason) for reason in reasons) if text]
