from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="index"),
    path("feed.atom", views.article_list, name="atom"),
    path("feed.rss", views.article_list, name="rss"),
    path("<slug:slug>/", views.article_detail, name="article"),
]
