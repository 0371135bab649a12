import logging

import pytest

pytestmark = pytest.mark.django_db


def test_request_log_names_the_route_and_never_what_was_sent(client, caplog, resident):
    with caplog.at_level(logging.INFO):
        client.post(
            "/en/login/?duf=201258697561", {"duf_number": "2012 586975 61", "code": "K7QM3XHP"}
        )
    lines = [record.getMessage() for record in caplog.records if record.name == "qualreg.access"]
    assert lines == [lines[0]] and "POST" in lines[0] and "400" in lines[0]
    assert "/login/" in lines[0]  # the route
    everything = "\n".join(record.getMessage() for record in caplog.records)
    assert "201258697561" not in everything
    assert "586975" not in everything
    assert "K7QM" not in everything


def test_the_request_log_names_a_routes_pattern_not_its_values(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/en/form/no-such-part-201258697561/")
        client.get("/no/such/page/201258697561")
    lines = [record.getMessage() for record in caplog.records if record.name == "qualreg.access"]
    assert lines[0].startswith("GET en/form/<slug:part_key>/ ")
    assert lines[1].startswith("GET <unmatched> 404")
    assert "201258697561" not in "\n".join(lines)
