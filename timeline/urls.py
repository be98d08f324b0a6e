from __future__ import annotations

from django.contrib import admin
from django.urls import path

from . import map_views, views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("countries/<str:iso3>/", views.country_detail, name="country"),
    path("map/", map_views.relations_map, name="relations-map"),
    path("api/events.json", views.api_events, name="api-events"),
    path("export/events.csv", views.export_csv, name="export-csv"),
    path("export/events.ics", views.export_ics, name="export-ics"),
    path("export/timelinejs.json", views.export_timelinejs, name="export-timelinejs"),
    path("admin/", admin.site.urls),
]
