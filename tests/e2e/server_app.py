"""What the e2e server runs: the real `allin.asgi.application` (HTTP and websockets), with static files served
the way `runserver --insecure` serves them. In production a reverse proxy serves /static/; here nothing else
would."""

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from allin.asgi import application as allin_application

application = ASGIStaticFilesHandler(allin_application)
