from django.urls import path

from . import views
from .tools import registry

urlpatterns = [
    path("verksted/", views.index, name="workshops"),
    path("verksted/bli-med/", views.join, name="workshop-join-form"),
    path("verksted/delta/", views.participate, name="workshop-participate"),
    path("verksted/delta/gruppe/", views.choose_group, name="workshop-group"),
    path("verksted/delta/tilstand/", views.phone_state, name="workshop-phone-state"),
    path("verksted/<int:workshop_id>/", views.panel, name="workshop"),
    path("verksted/<int:workshop_id>/storskjerm/", views.screen, name="workshop-screen"),
    path("verksted/<int:workshop_id>/svar.xlsx", views.workbook, name="workshop-workbook"),
    path("verksted/<int:workshop_id>/<slug:name>.csv", views.table, name="workshop-table"),
    path("verksted/<int:workshop_id>/diagram/<str:tool>.<str:fmt>", views.chart,
         name="workshop-chart"),
    path("verksted/<int:workshop_id>/sammendrag.pdf", views.summary,
         name="workshop-summary"),
    path("v/<str:code>/", views.join, name="workshop-join"),
    *(pattern for tool in registry.TOOLS for pattern in tool.urls()),
]
