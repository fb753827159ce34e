"""Every change to the directory goes through here: regions and ecosystems (``regions``),
organisations (``organisations``) and their CSV exchange (``csv_exchange``).

Callers import ``modus.directory.services``; the modules import each other, never this package.
"""

from .csv_exchange import export_organisations_csv, import_organisations_csv
from .organisations import (
    OrganisationError,
    OrganisationPermissionError,
    build_search_text,
    create_organisation,
    refresh_search_text,
    save_organisation,
    update_organisation,
)
from .regions import load_ecosystems, load_regions, save_priority

__all__ = [
    "OrganisationError",
    "OrganisationPermissionError",
    "build_search_text",
    "create_organisation",
    "export_organisations_csv",
    "import_organisations_csv",
    "load_ecosystems",
    "load_regions",
    "refresh_search_text",
    "save_organisation",
    "save_priority",
    "update_organisation",
]
