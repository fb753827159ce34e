"""Every change to the directory goes through here: regions and ecosystems (``regions``),
organisations (``organisations``) and their CSV exchange (``csv_exchange``).

Callers import ``modus.directory.services``; the modules import each other, never this package.
"""

from .csv_exchange import (
    CSV_COLUMNS,
    ImportReport,
    export_organisations_csv,
    import_organisations_csv,
)
from .organisations import (
    EDITABLE_FIELDS,
    OrganisationError,
    OrganisationPermissionError,
    build_search_text,
    changed_fields,
    create_organisation,
    organisation_differs,
    refresh_search_text,
    save_organisation,
    slug_for,
    update_organisation,
)
from .regions import (
    load_ecosystems,
    load_regions,
    nuts_regions,
    region_chain_codes,
    save_priority,
)

__all__ = [
    "CSV_COLUMNS",
    "EDITABLE_FIELDS",
    "ImportReport",
    "OrganisationError",
    "OrganisationPermissionError",
    "build_search_text",
    "changed_fields",
    "create_organisation",
    "export_organisations_csv",
    "import_organisations_csv",
    "load_ecosystems",
    "load_regions",
    "nuts_regions",
    "organisation_differs",
    "refresh_search_text",
    "region_chain_codes",
    "save_organisation",
    "save_priority",
    "slug_for",
    "update_organisation",
]
