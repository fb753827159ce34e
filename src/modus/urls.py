from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from modus.portal.sitemaps import sitemap_view

urlpatterns = [
    path("", include("modus.portal.urls")),
    path("accounts/", include("modus.accounts.urls")),
    path("directory/", include("modus.directory.urls")),
    path("news/", include("modus.news.urls")),
    path("programmes/", include("modus.programmes.urls")),
    path("events/", include("modus.events.urls")),
    path("matchmaking/", include("modus.matchmaking.urls")),
    path("calls/", include("modus.selection.urls")),
    path("results/", include("modus.results.urls")),
    path("partners/", include("modus.partners.urls")),
    path("api/", include("modus.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap_view, name="sitemap"),
]
if not settings.PRODUCTION:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "modus.web.views.page_not_found"
handler500 = "modus.web.views.server_error"
