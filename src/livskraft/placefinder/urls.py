from django.urls import path

from . import views

urlpatterns = [path("bygdekalkulator/", views.calculator, name="placefinder")]
