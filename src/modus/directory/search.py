"""Full-text search over ``Organisation.search_text`` on both supported databases.

SQLite: an FTS5 table with external content (the organisation table), kept current by triggers.
PostgreSQL: ``to_tsvector('simple', search_text)`` kept in a stored generated column with a GIN
index. Storing the vector (rather than only indexing the expression) matters for ranking: without
it every matching row's text is parsed again to compute ``ts_rank``. The column is not part of the
Django model; PostgreSQL fills it on every write.
Both match every word of the query as a prefix ("aviat" finds "aviation"). User input is reduced
to its words first, so quotes and operators can never reach the query syntax.
"""

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, Value
from django.db.models.expressions import RawSQL

FTS_TABLE = "directory_organisation_fts"
PG_INDEX = "directory_organisation_search_vector_gin"
PG_OLD_INDEX = "directory_organisation_search_gin"  # 0002's expression index, replaced
MAX_TERMS = 12

# Letters and digits only: no quotes, stars, brackets, colons or operators survive.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "search_text, content='directory_organisation', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON directory_organisation BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON directory_organisation BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON directory_organisation BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_TEARDOWN = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
PG_COLUMN = "search_vector"
POSTGRES_SETUP = [
    f"DROP INDEX IF EXISTS {PG_OLD_INDEX}",
    f"ALTER TABLE directory_organisation ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON directory_organisation USING gin ({PG_COLUMN})",
]
POSTGRES_TEARDOWN = [
    f"DROP INDEX IF EXISTS {PG_INDEX}",
    f"ALTER TABLE directory_organisation DROP COLUMN IF EXISTS {PG_COLUMN}",
]


def query_terms(query: str) -> list[str]:
    """The words of a user's query, lower-cased, at most MAX_TERMS."""
    return [word.lower() for word in _WORD.findall(query or "")][:MAX_TERMS]


def install(connection_) -> None:
    """Create the index objects for this database (migrations and post_migrate call it)."""
    statements = {"sqlite": SQLITE_SETUP, "postgresql": POSTGRES_SETUP}.get(connection_.vendor)
    if not statements:
        return
    with connection_.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def uninstall(connection_) -> None:
    statements = {"sqlite": SQLITE_TEARDOWN, "postgresql": POSTGRES_TEARDOWN}.get(
        connection_.vendor
    )
    with connection_.cursor() as cursor:
        for statement in statements or []:
            cursor.execute(statement)


def rebuild(connection_=connection) -> None:
    """Re-index every organisation (after restoring a database file, for instance)."""
    if connection_.vendor == "sqlite":
        install(connection_)
        with connection_.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def optimise(connection_=connection) -> None:
    """Refresh the planner's statistics after bulk loads, so searches start from the index."""
    with connection_.cursor() as cursor:
        if connection_.vendor == "sqlite":
            cursor.execute("ANALYZE")
        elif connection_.vendor == "postgresql":
            cursor.execute("ANALYZE directory_organisation")


def _sqlite_match(terms) -> str:
    return " ".join(f'"{term}"*' for term in terms)


def _postgres_tsquery(terms) -> str:
    return " & ".join(f"{term}:*" for term in terms)


def apply(queryset, query: str):
    """Filter the organisations to those matching ``query``, annotated with ``search_rank``
    (higher is better). An empty query (or one without words) leaves the queryset as it is."""
    terms = query_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = _postgres_tsquery(terms)
        vector = f'"directory_organisation"."{PG_COLUMN}"'
        return queryset.filter(
            RawSQL(f"{vector} @@ to_tsquery('simple', %s)", [tsquery], BooleanField())
        ).annotate(
            search_rank=RawSQL(
                f"ts_rank({vector}, to_tsquery('simple', %s))", [tsquery], FloatField()
            )
        )
    if connection.vendor == "sqlite":
        # A join with the FTS table scores each match once; Django cannot express a join with a
        # virtual table, hence extra(). FTS5's ``rank`` is bm25 (lower is better): negate it so
        # both backends sort descending.
        return queryset.extra(
            tables=[FTS_TABLE],
            where=[f'"{FTS_TABLE}".rowid = "directory_organisation"."id"', f"{FTS_TABLE} MATCH %s"],
            params=[_sqlite_match(terms)],
            select={"search_rank": f'-"{FTS_TABLE}".rank'},
        )
    # Other databases: a plain containment search on every word.
    for term in terms:
        queryset = queryset.filter(search_text__icontains=term)
    return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
