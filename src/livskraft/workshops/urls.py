from django.urls import path

from . import views

urlpatterns = [
    path("verksted/", views.index, name="workshops"),
    path("verksted/bli-med/", views.join, name="workshop-join-form"),
    path("verksted/delta/", views.participate, name="workshop-participate"),
    path("verksted/delta/svar/", views.answer, name="workshop-answer"),
    path("verksted/<int:workshop_id>/", views.panel, name="workshop"),
    path("verksted/<int:workshop_id>/storskjerm/", views.screen, name="workshop-screen"),
    path("verksted/<int:workshop_id>/prioritering.<str:fmt>", views.export,
         name="workshop-export"),
    path("v/<str:code>/", views.join, name="workshop-join"),
]
