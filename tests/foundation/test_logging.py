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
    everything = "\n".join(record.getMessage() for record in caplog.records)
    assert "201258697561" not in everything
    assert "586975" not in everything
    assert "K7QM" not in everything
