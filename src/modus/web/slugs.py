"""Readable URL slugs for pages (organisations, articles, people, sessions)."""

import unicodedata

from django.utils.text import slugify


def ascii_slug(text: str, *, max_length: int = 200) -> str:
    """A slug of plain ASCII: letters outside it are folded (``Śląskie`` → ``slaskie``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return slugify(ascii_text)[:max_length]


def free_slug(text: str, queryset, *, fallback: str, max_length: int = 200, exclude_pk=None) -> str:
    """A slug made from ``text`` that no row of ``queryset`` uses: ``base``, ``base-2``, ...

    Letters outside ASCII are folded, so links stay plain.
    """
    base = ascii_slug(text, max_length=max_length).strip("-") or fallback
    taken = queryset.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken_slugs = set(taken.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken_slugs:
        slug = f"{base}-{number}"
        number += 1
    return slug
