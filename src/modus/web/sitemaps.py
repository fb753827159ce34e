"""The sitemap: each app contributes its public pages through ``sitemap_sections()``."""

from importlib import import_module

SITEMAP_APPS = ["modus.web", "modus.directory", "modus.news", "modus.programmes", "modus.events"]


class _Sections(dict):
    """Loads each app's sitemap sections on first use, so URL loading does not import models."""

    def _load(self):
        if not super().__len__():
            for app in SITEMAP_APPS:
                try:
                    module = import_module(f"{app}.sitemaps_section")
                except ModuleNotFoundError:
                    continue
                super().update(module.sitemap_sections())

    def items(self):
        self._load()
        return super().items()

    def __getitem__(self, key):
        self._load()
        return super().__getitem__(key)

    def __iter__(self):
        self._load()
        return super().__iter__()

    def __len__(self):
        self._load()
        return super().__len__()


SITEMAPS = _Sections()
