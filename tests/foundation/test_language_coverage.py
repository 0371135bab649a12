import pytest
from bs4 import BeautifulSoup

from qualreg.accounts.models import Role, User
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def test_administrators_see_every_language_with_coverage_and_review_state(client):
    admin = User.objects.create_user(
        "dir", password="x-long-password-1", role=Role.ADMINISTRATOR, is_staff=True
    )
    signed_in(admin, client)
    response = client.get("/admin/languages/", HTTP_ACCEPT_LANGUAGE="en")
    page = BeautifulSoup(response.content, "html.parser")
    rows = page.select("tbody tr")
    assert len(rows) == 18
    arabic = next(row for row in rows if row.select("td")[1].get_text() == "ar")
    assert "%" in arabic.get_text()
    assert "Machine-drafted" in arabic.get_text() or "Reviewed" in arabic.get_text()


def test_centre_staff_cannot_see_the_language_table(client, staff):
    client.force_login(staff)
    response = client.get("/admin/languages/")
    assert response.status_code in (302, 403, 404)
    assert "Coverage" not in response.content.decode()
