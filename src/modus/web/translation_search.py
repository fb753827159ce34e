"""Finding content in any of its languages, on SQLite and PostgreSQL.

Every word of the query must occur in the original (the model's own columns) or in one
language's translation (a key of the JSON field, read with the database's JSON functions, so
non-ASCII text is compared as text, not as ``\\u`` escapes). On PostgreSQL each language is also
searched with its own text-search configuration (``english`` stems "regions" to "region");
languages PostgreSQL has no configuration for (Czech, Polish) use ``simple``.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform, KeyTransform

from .translations import content_languages

# The configurations a stock PostgreSQL ships (SELECT cfgname FROM pg_ts_config).
PG_TEXT_SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}


def text_search_config(language: str) -> str:
    return PG_TEXT_SEARCH_CONFIGS.get(language, "simple")


def query_words(query: str) -> list[str]:
    return re.findall(r"\w+", query or "")[:10]


def _variants(word: str) -> set[str]:
    # SQLite's LIKE folds ASCII letters only; these cover "čtení" typed for "Čtení".
    return {word, word.lower(), word.capitalize(), word.upper()}


def _word_condition(model, word: str, fields) -> Q:
    condition = Q()
    for variant in _variants(word) if connection.vendor == "sqlite" else {word}:
        for name in fields:
            condition |= Q(**{f"{name}__icontains": variant})
            for language in content_languages():
                condition |= Q(**{f"translations__{language}__{name}__icontains": variant})
    return condition


def _full_text_condition(model, query: str, fields) -> Q:
    original_field = model.original_language_field
    condition = Q()
    for language in content_languages():
        config = text_search_config(language)
        words = SearchQuery(query, config=config)
        original = SearchVector(*fields, config=config)
        translated = SearchVector(
            *(KeyTextTransform(name, KeyTransform(language, "translations")) for name in fields),
            config=config,
        )
        condition |= Q(**{original_field: language}) & Q(SearchVectorExact(original, words))
        condition |= Q(SearchVectorExact(translated, words))
    return condition


def search_translated(queryset, query: str, fields=None):
    """The objects of ``queryset`` whose text matches ``query`` in any of their languages."""
    model = queryset.model
    fields = fields or model.translatable_fields
    words = query_words(query)
    if not words:
        return queryset
    condition = Q()
    for word in words:
        condition &= _word_condition(model, word, fields)
    if connection.vendor == "postgresql":
        condition |= _full_text_condition(model, " ".join(words), fields)
    return queryset.filter(condition)
