"""The project's routes plus the photo card routes, until allin/urls.py includes them."""

from allin.live.photo_views import photo_patterns
from allin.urls import handler400, handler403, handler404, handler500  # noqa: F401
from allin.urls import urlpatterns as project_patterns

urlpatterns = [*project_patterns, *photo_patterns]
