"""Small counts on public pages: the one rule, applied to any figures before they go out.

Any count below ``THRESHOLD`` becomes ``None`` (shown as "fewer than 5"), so that nobody can be
singled out; a mean over fewer than ``THRESHOLD`` answers goes too. Labels are strings, so only
counts are touched.
"""

THRESHOLD = 5


def suppress(figures):
    """A copy of ``figures`` (dicts, lists, numbers, strings) fit for a public page."""
    if isinstance(figures, dict):
        if "mean" in figures and "n" in figures:
            small = not isinstance(figures["n"], int) or figures["n"] < THRESHOLD
            return {"mean": None if small else figures["mean"], "n": suppress(figures["n"])}
        return {key: suppress(value) for key, value in figures.items()}
    if isinstance(figures, list):
        return [suppress(value) for value in figures]
    if isinstance(figures, bool):
        return figures
    if isinstance(figures, int) and figures < THRESHOLD:
        return None
    return figures
