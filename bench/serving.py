"""What the benchmarks share: a fresh Django set-up in a data folder, and gunicorn on a
free port of this machine (make bench, make load, make lighthouse)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prepare_django(data: Path, env: Mapping[str, str]) -> None:
    """An empty `data` folder, `env` in the environment, Django set up in this process with
    the catalogues compiled, the database migrated and the static files collected."""
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    os.environ.update(env)
    os.environ.pop("DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("compilecatalogs", verbosity=0)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(
    arguments: list[str], env: Mapping[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """gunicorn serving bench.wsgi with `arguments` on a free port, once it accepts."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "bench.wsgi", *arguments]
    command += ["--bind", f"127.0.0.1:{port}"]
    environment = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(command, cwd=ROOT, env=environment)  # noqa: S603
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    server.wait(timeout=30)
