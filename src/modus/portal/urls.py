from django.urls import path

from . import views

# The names keep the ``web:`` namespace they had before the portal app: every app's templates
# link to ``web:home``.
app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("me/", views.dashboard, name="dashboard"),
    path("me/agenda/", views.my_agenda, name="my-agenda"),
    path("me/agenda/new-link/", views.new_calendar_link, name="new-calendar-link"),
    path("robots.txt", views.robots_txt, name="robots"),
]
