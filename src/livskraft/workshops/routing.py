from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/verksted/delta/", consumers.ParticipantConsumer.as_asgi()),
    path("ws/verksted/<int:workshop_id>/storskjerm/", consumers.ScreenConsumer.as_asgi()),
]
