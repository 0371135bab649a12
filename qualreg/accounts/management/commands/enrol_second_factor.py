"""Give an adviser a new authenticator secret and recovery codes, and print them once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from qualreg.accounts.second_factor import enrol


class Command(BaseCommand):
    help = "Enrol a staff user's second factor (TOTP app and recovery codes); prints them once."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError("No staff user has this username.")
        address, secret, codes = enrol(user)
        self.stdout.write(f"Authenticator app address: {address}")
        self.stdout.write(f"Secret (type it into the app): {secret}")
        self.stdout.write("Recovery codes (each works once): " + " ".join(codes))
