from django.urls import path, re_path

from livskraft.web.page_cache import cached_page

from . import chart_images, report, views

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("finn/", views.find, name="find"),
    path("finn/forslag/", views.find_candidates, name="find-candidates"),
    re_path(r"^kommune/(?P<code>\d{4})/$", cached_page(views.kommune), name="kommune"),
    re_path(r"^kommune/(?P<code>\d{4})/rapport\.pdf$", cached_page(report.kommune_report),
            name="kommune-report"),
    re_path(
        r"^kommune/(?P<code>\d{4})/data/(?P<table>[a-z]+)\.(?P<fmt>csv|xlsx)$",
        views.kommune_data,
        name="kommune-data",
    ),
    re_path(r"^kommune/(?P<code>\d{4})/figur/(?P<name>[a-z-]+)\.svg$",
            cached_page(chart_images.svg), name="kommune-chart-svg"),
    re_path(r"^kommune/(?P<code>\d{4})/figur/(?P<name>[a-z-]+)\.png$",
            cached_page(chart_images.png), name="kommune-chart-png"),
    re_path(r"^kommune/(?P<code>\d{4})/figur/(?P<name>[a-z-]+)/innebygd/$",
            cached_page(chart_images.embed), name="kommune-chart-embed"),
    path("nasjonalt/", cached_page(views.national), name="national"),
    re_path(r"^nasjonalt/kart/(?P<vintage>\d{4})\.geojson$", cached_page(views.national_outlines),
            name="national-outlines"),
    re_path(
        r"^nasjonalt/data/(?P<table>[a-z]+)\.(?P<fmt>csv|xlsx)$",
        views.national_data,
        name="national-data",
    ),
]
