"""The figures of an edition and of a programme, computed from the other apps' selectors.

``edition``: one event; ``programme``: the series, summed from its editions' snapshots plus the
organisations that came back. Both return plain JSON-ready dicts; ``suppression`` makes the
public version of any of them.
"""

from .edition import edition_figures
from .programme import programme_figures

__all__ = ["edition_figures", "programme_figures"]
