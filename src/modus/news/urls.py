from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="index"),
    path("feed.atom", feeds.AtomArticleFeed(), name="atom"),
    path("feed.rss", feeds.RssArticleFeed(), name="rss"),
    path("<slug:slug>/", views.article_detail, name="article"),
]
