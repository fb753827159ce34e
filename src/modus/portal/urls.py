from django.urls import path

from . import views

# The names keep the ``web:`` namespace they had before the portal app: every app's templates
# link to ``web:home``.
app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots"),
]
