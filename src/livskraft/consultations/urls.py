from django.urls import path

from . import views_committee as committee
from . import views_public as public

urlpatterns = [
    path("horing/", public.index, name="consultations"),
    path("horing/<slug:slug>/", public.detail, name="consultation"),
    path("horing/<slug:slug>/innspill/", public.submit, name="consultation-submit"),
    path("horing/<slug:slug>/innspill/<str:token>/", public.own, name="consultation-own"),
    path("horing/<slug:slug>/innspill/<str:token>/mine-data.json", public.own_data,
         name="consultation-own-data"),
    path("horing/<slug:slug>/innspill/<str:token>/slett/", public.own_erase,
         name="consultation-own-erase"),
    path("horing/<slug:slug>/innspill/<str:token>/slett-alt/", public.own_delete,
         name="consultation-own-delete"),
    path("horing/<slug:slug>/enig/", public.statements, name="consultation-statements"),
    path("horing/<slug:slug>/moderer/", committee.moderate, name="consultation-moderate"),
    path("horing/<slug:slug>/moderer/vedlegg/<int:submission_id>/", committee.attachment,
         name="consultation-attachment"),
    path("horing/<slug:slug>/analyse/", committee.report, name="consultation-analysis"),
    path("horing/<slug:slug>/analyse/sammendrag/", committee.report,
         name="consultation-summary"),
    path("horing/<slug:slug>/analyse/innspill.xlsx", committee.export,
         name="consultation-export"),
    path("horing/<slug:slug>/analyse/sammendrag.pdf", committee.summary,
         name="consultation-summary-pdf"),
]
