"""Measure four ways of storing translated content (the evidence behind docs/translations.md).

Not part of the test suite and not a dependency of Modus: run it in a scratch virtualenv with
the three libraries installed::

    python -m venv /tmp/lab && /tmp/lab/bin/pip install "django>=5.2,<5.3" \
        django-modeltranslation django-parler django-i18nfield "psycopg[binary]"
    /tmp/lab/bin/python bench/translation_libraries.py            # SQLite in memory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lab /tmp/lab/bin/python bench/...

For each way it builds the same article (title, lead, body; English original, Czech and Polish
translations), 20 of them, and prints: the queries to show a list in Czech, the columns the
table has and the columns a new language adds, whether a case-insensitive search for a Czech
word finds the Czech translation, and what the admin offers.
"""

import os
import sys
import tempfile
from pathlib import Path

import django
from django.conf import settings

LAB = Path(tempfile.mkdtemp())
(LAB / "lab").mkdir()
(LAB / "lab" / "__init__.py").write_text("")
(LAB / "lab" / "models.py").write_text(
    """
from django.db import models
from i18nfield.fields import I18nCharField, I18nTextField
from parler.models import TranslatableModel, TranslatedFields


class MtArticle(models.Model):  # django-modeltranslation registers title, lead, body
    title = models.CharField(max_length=300)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)


class I18nArticle(models.Model):  # django-i18nfield
    title = I18nCharField(max_length=300)
    lead = I18nTextField(blank=True)
    body = I18nTextField(blank=True)


class ParlerArticle(TranslatableModel):  # django-parler
    translations = TranslatedFields(
        title=models.CharField(max_length=300),
        lead=models.TextField(blank=True),
        body=models.TextField(blank=True),
    )


class JsonArticle(models.Model):  # the original in its columns, translations as JSON
    original_language = models.CharField(max_length=8, default="en")
    title = models.CharField(max_length=300)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    translations = models.JSONField(default=dict, blank=True)
"""
)
(LAB / "lab" / "translation.py").write_text(
    """
from modeltranslation.translator import TranslationOptions, register

from .models import MtArticle


@register(MtArticle)
class MtOptions(TranslationOptions):
    fields = ("title", "lead", "body")
"""
)
sys.path.insert(0, str(LAB))

url = os.environ.get("DATABASE_URL", "")
if url.startswith("postgres"):
    name = url.rsplit("/", 1)[1]
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": 5432,
    }
else:
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
settings.configure(
    INSTALLED_APPS=[
        "modeltranslation",
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "parler",
        "lab",
    ],
    DATABASES={"default": database},
    LANGUAGES=[("en", "English"), ("cs", "Czech"), ("pl", "Polish")],
    LANGUAGE_CODE="en",
    PARLER_LANGUAGES={None: ({"code": "en"}, {"code": "cs"}, {"code": "pl"})},
    PARLER_ENABLE_CACHING=False,
    USE_I18N=True,
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
)
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402
from i18nfield.strings import LazyI18nString  # noqa: E402
from lab.models import I18nArticle, JsonArticle, MtArticle, ParlerArticle  # noqa: E402

TEXT = {
    "en": ("Reading the regions", "A lead", "A body"),
    "cs": ("Čtení regionů", "Úvod", "Text"),
    "pl": ("Czytanie regionów", "Wstęp", "Treść"),
}
N = 20

with connection.schema_editor() as editor:
    for model in (
        MtArticle,
        I18nArticle,
        ParlerArticle,
        ParlerArticle._parler_meta.root_model,
        JsonArticle,
    ):
        editor.create_model(model)

for _ in range(N):
    mt = MtArticle()
    for lang, (title, lead, body) in TEXT.items():
        setattr(mt, f"title_{lang}", title)
        setattr(mt, f"lead_{lang}", lead)
        setattr(mt, f"body_{lang}", body)
    mt.save()
    I18nArticle.objects.create(
        **{
            f: LazyI18nString({lang: TEXT[lang][i] for lang in TEXT})
            for i, f in enumerate(("title", "lead", "body"))
        }
    )
    parler = ParlerArticle()
    for lang, (title, lead, body) in TEXT.items():
        parler.set_current_language(lang)
        parler.title, parler.lead, parler.body = title, lead, body
    parler.save()
    JsonArticle.objects.create(
        title=TEXT["en"][0],
        lead=TEXT["en"][1],
        body=TEXT["en"][2],
        translations={
            lang: dict(zip(("title", "lead", "body"), TEXT[lang], strict=True))
            for lang in ("cs", "pl")
        },
    )


def json_title(article, lang):
    return article.translations.get(lang, {}).get("title") or article.title


def queries(read):
    with translation.override("cs"), CaptureQueriesContext(connection) as ctx:
        titles = read()
    assert all(t == TEXT["cs"][0] for t in titles), titles[:2]
    return len(ctx.captured_queries)


def found(queryset, lookup):
    return "/".join(
        str(queryset.filter(**{lookup: word}).distinct().count()) for word in ("čtení", "Čtení")
    )


def columns(model):
    return len([f for f in model._meta.concrete_fields if not f.primary_key])


parler_translation = ParlerArticle._parler_meta.root_model
rows = {
    "django-modeltranslation": (
        queries(lambda: [a.title for a in MtArticle.objects.all()]),
        columns(MtArticle),
        "3 (title_de, lead_de, body_de): a migration in every app",
        found(MtArticle.objects, "title_cs__icontains"),
    ),
    "django-i18nfield": (
        queries(lambda: [str(a.title) for a in I18nArticle.objects.all()]),
        columns(I18nArticle),
        "0",
        found(I18nArticle.objects, "title__icontains"),
    ),
    "django-parler (no prefetch)": (
        queries(lambda: [a.safe_translation_getter("title") for a in ParlerArticle.objects.all()]),
        f"{columns(ParlerArticle)} + {columns(parler_translation)} in a 2nd table",
        "0 (rows)",
        found(ParlerArticle.objects, "translations__title__icontains"),
    ),
    "django-parler (prefetch)": (
        queries(
            lambda: [
                a.safe_translation_getter("title")
                for a in ParlerArticle.objects.prefetch_related("translations")
            ]
        ),
        "",
        "",
        "",
    ),
    "JSON translations + original": (
        queries(lambda: [json_title(a, "cs") for a in JsonArticle.objects.all()]),
        columns(JsonArticle),
        "0",
        found(JsonArticle.objects, "translations__cs__title__icontains"),
    ),
}
print(f"{connection.vendor}: {N} articles, list shown in Czech")
header = f"{'way':32} {'queries':>7}  {'columns':24} {'a new language adds':45}"
print(f"{header} found čtení/Čtení (of {N})")
for way, (count, cols, new_language, found) in rows.items():
    print(f"{way:32} {count:>7}  {cols!s:24} {new_language:45} {found}")
