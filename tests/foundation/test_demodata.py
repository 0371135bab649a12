"""`make run` loads demo data; running it again works and prints a fresh, usable code."""

import io
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run_demodata() -> str:
    out = io.StringIO()
    call_command("demodata", stdout=out)
    return out.getvalue()


def test_demo_data_prints_a_code_that_logs_the_resident_in_and_works_twice(client):
    first = run_demodata()
    second = run_demodata()
    code = re.search(r"code:\s+([A-Z0-9]{4}-[A-Z0-9]{4})", second).group(1)
    assert code not in first
    response = client.post("/en/login/", {"duf_number": "2012 586975 61", "code": code})
    assert response.status_code == 302
    assert "staff" in second and "demo-staff-password" in second


def test_the_demo_staff_login_works(client):
    run_demodata()
    response = client.post(
        "/en/staff/login/", {"username": "staff", "password": "demo-staff-password"}
    )
    assert response.status_code == 302
