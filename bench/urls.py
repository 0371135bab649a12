"""qualreg's URLs plus `/bench/bare`, a view that does nothing, served by the same stack."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from qualreg.urls import urlpatterns as qualreg_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), *qualreg_urlpatterns]
