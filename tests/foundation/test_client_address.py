"""Throttling counts tries per client: behind a proxy, the client it saw, not the proxy."""

from qualreg.lib.net import client_address


def test_without_proxies_the_connection_s_address_counts(rf, settings):
    settings.TRUSTED_PROXIES = 0
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.5"


def test_behind_one_proxy_the_address_it_saw_counts_and_a_forged_one_does_not(rf, settings):
    settings.TRUSTED_PROXIES = 1
    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )  # the client forged 6.6.6.6; the proxy appended what it saw
    assert client_address(request) == "203.0.113.9"


def test_a_missing_header_falls_back_to_the_connection(rf, settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(rf.get("/", REMOTE_ADDR="10.0.0.5")) == "10.0.0.5"
