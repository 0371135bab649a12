"""qualreg's settings plus a bare view to measure against (see bench/run.py)."""

from qualreg.settings import *  # noqa: F403
from qualreg.settings import LOGGING

ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# One access-log line per request would measure the terminal, not the service.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "qualreg.access": {"level": "WARNING"}}}
