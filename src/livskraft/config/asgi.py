import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livskraft.config.settings")
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from livskraft.web.front import front  # noqa: E402
from livskraft.web.warm import warm  # noqa: E402
from livskraft.workshops.answer_endpoint import answers_in_front  # noqa: E402
from livskraft.workshops.routing import websocket_urlpatterns  # noqa: E402

if os.environ.get("LIVSKRAFT_WARM") == "1":  # set by `livskraft serve`
    warm()
application = ProtocolTypeRouter({
    "http": answers_in_front(front(django_application)),
    "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
})
