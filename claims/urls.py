from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/<int:pk>/", views.claim_detail, name="claim-detail"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker-detail"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
]
