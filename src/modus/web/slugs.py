"""Readable, unique URL slugs for pages (articles, people, sessions)."""

import unicodedata

from django.utils.text import slugify


def free_slug(text: str, queryset, *, fallback: str, max_length: int = 200, exclude_pk=None) -> str:
    """A slug made from ``text`` that no row of ``queryset`` uses: ``base``, ``base-2``, ...

    Letters outside ASCII are folded (``Śląskie`` → ``slaskie``) so links stay plain.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = slugify(ascii_text)[:max_length].strip("-") or fallback
    taken = queryset.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken_slugs = set(taken.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken_slugs:
        slug = f"{base}-{number}"
        number += 1
    return slug
