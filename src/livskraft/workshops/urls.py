from django.urls import path

from . import views, views_tools

urlpatterns = [
    path("verksted/", views.index, name="workshops"),
    path("verksted/bli-med/", views.join, name="workshop-join-form"),
    path("verksted/delta/", views.participate, name="workshop-participate"),
    path("verksted/delta/svar/", views.answer, name="workshop-answer"),
    path("verksted/delta/diamant/", views_tools.answer_diamond, name="workshop-diamond"),
    path("verksted/delta/tillit/", views_tools.answer_trust, name="workshop-trust"),
    path("verksted/delta/gruppe/", views_tools.choose_group, name="workshop-group"),
    path("verksted/delta/faktor/", views_tools.suggest_factor, name="workshop-suggest"),
    path("verksted/<int:workshop_id>/", views.panel, name="workshop"),
    path("verksted/<int:workshop_id>/storskjerm/", views.screen, name="workshop-screen"),
    path("verksted/<int:workshop_id>/prioritering.<str:fmt>", views.export,
         name="workshop-export"),
    path("verksted/<int:workshop_id>/diagram/<str:tool>.<str:fmt>", views_tools.chart,
         name="workshop-chart"),
    path("verksted/<int:workshop_id>/sammendrag.pdf", views_tools.summary,
         name="workshop-summary"),
    path("verksted/<int:workshop_id>/faktorer.xlsx", views_tools.factor_list,
         name="workshop-factors"),
    path("verksted/<int:workshop_id>/10-punkt/", views_tools.steps, name="workshop-steps"),
    path("verksted/<int:workshop_id>/10-punkt/plan.docx", views_tools.plan,
         name="workshop-plan"),
    path("v/<str:code>/", views.join, name="workshop-join"),
]
