"""An organisation's advisers as its lead adviser manages them: a new adviser gets no password
from anyone, but a one-time set-up link by e-mail, with which they choose their own password
and then set up their second factor; advisers are deactivated and reactivated, never deleted.

Why a link and not an initial password: a password chosen by the lead would be known to two
people, travel by e-mail or phone in clear, and often never be changed; the link gives the
lead nothing to know or pass on, works once, expires (Django's PASSWORD_RESET_TIMEOUT), goes
to the adviser's own work address, and stops working when the adviser is deactivated.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext

from qualreg.accounts.models import Role, User
from qualreg.advisers.models import Adviser, Organisation


def setup_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))


def add_adviser(
    organisation: Organisation, *, username: str, first_name: str, last_name: str, email: str
) -> User:
    """A new adviser of `organisation`, who cannot sign in until they have used their link."""
    with transaction.atomic():
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=email,
            role=Role.ADVISER,
        )
        user.set_unusable_password()
        user.save()
        Adviser.objects.create(user=user, organisation=organisation)
    return user


def is_set_up(user: Any) -> bool:
    return bool(user.has_usable_password())


def setup_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("advisers:setup", args=[uid, token])
    return settings.SERVICE_URL.rstrip("/") + path


def send_setup_link(user: User, organisation: Organisation) -> None:
    """E-mail the adviser their set-up link, in the language of the page the lead used."""
    context = {
        "name": user.get_full_name() or user.get_username(),
        "username": user.get_username(),
        "organisation": organisation.name,
        "link": setup_link(user),
        "days": setup_days(),
    }
    send_mail(
        gettext("Your adviser account in the qualification registration"),
        render_to_string("advisers/setup_email.txt", context),
        None,
        [user.email],
    )


def user_for_setup(uidb64: str, token: str) -> User | None:
    """The adviser a set-up link is for, while it is valid: not used, not expired, the
    account active and still without a password."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.filter(
        pk=pk, role=Role.ADVISER, is_active=True, adviser__isnull=False
    ).first()
    if user is None or is_set_up(user) or not default_token_generator.check_token(user, token):
        return None
    return user
