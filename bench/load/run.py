"""`make load`: how many residents can register at the same moment on this machine.

1. A fresh PostgreSQL database (DATABASE_URL, default qualreg_load on the local server),
   migrated, and residents with codes made by `manage.py loadresidents`.
2. One app server: gunicorn as bench/load/gunicorn.conf.py sets it up. Locust users, each a
   resident walking whole registrations at human pace (bench/load/resident.py), are added
   step by step (LOAD_STEPS). Each step is measured for LOAD_MEASURE_SECONDS once it has
   run LOAD_SETTLE_SECONDS: requests/s, median/p95/p99 per request kind, errors, database
   connections (open, and at most active at once), CPU of the app, the database and Locust.
   It prints the largest number of residents for which p95 <= 300 ms and nothing failed.
3. Two app servers on the same database, each with half the workers; each resident picks
   one at each login. Then every resident's saved answers, both phases, are checked against
   what the load sent (bench/load/check.py). The exit status is 1 when an answer differs.

Quick check of the tooling (a few minutes; LOAD_PACE=0.1 thinks ten times faster, so that
whole registrations, breaks and second registrations happen within the run):
    LOAD_STEPS=20,40 LOAD_SETTLE_SECONDS=10 LOAD_MEASURE_SECONDS=30 LOAD_PACE=0.1 make load
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import gevent  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "load"
sys.path.insert(0, str(ROOT))
from bench.serving import start_gunicorn, stop  # noqa: E402


def env_list(name: str, default: str) -> list[int]:
    return [int(value) for value in os.environ.get(name, default).split(",") if value.strip()]


# The defaults take about 15 minutes on a quiet 2-core host (docs/benchmarks.md).
STEPS = env_list("LOAD_STEPS", "500,1000,1250")
PACE = float(os.environ.get("LOAD_PACE", "1"))  # as bench/load/locustfile.py reads it
SPAWN_RATE = float(os.environ.get("LOAD_SPAWN_RATE", "25"))
SETTLE = float(os.environ.get("LOAD_SETTLE_SECONDS", "30"))
MEASURE = float(os.environ.get("LOAD_MEASURE_SECONDS", "90"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "2"))
PROFILE = os.environ.get("LOAD_PROFILE") == "1"  # py-spy on the app servers in each step
TWO_SERVER_USERS = int(os.environ.get("LOAD_TWO_SERVER_USERS", "0"))  # 0: the capacity found
GOAL_P95_MS = 300
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qualreg_load")
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "QUALREG_DATA_DIR": str(DATA),
    "SECRET_KEY": "load-secret-key-that-is-long-enough-0123456789",
    "DATABASE_URL": DATABASE_URL,
    "PYTHONPATH": str(ROOT),
}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# Setting up -------------------------------------------------------------------------------


def fresh_database() -> None:
    import psycopg

    url = urlsplit(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(*arguments: str) -> None:
    python = str(Path(sys.executable))
    env = {**os.environ, **SERVER_ENV}
    subprocess.run([python, "manage.py", *arguments], cwd=ROOT, env=env, check=True)  # noqa: S603


def accounts_needed(users: int, seconds: float) -> int:
    """Each user starts a new registration about every 8 minutes at the fastest (at human
    pace; LOAD_PACE shortens that)."""
    return int(users * (2 + seconds / (480 * PACE)))


def allow_open_files() -> int:
    """Raise this process's limit on open files to the hard limit, for it and the servers it
    starts: each resident keeps a connection open on both sides, and 1,024 (a common soft
    limit) would end a step of 1,000 residents with failed connections."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return wanted


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    config = str(ROOT / "bench" / "load" / "gunicorn.conf.py")
    server, port = start_gunicorn(["--config", config, "--workers", str(workers)], SERVER_ENV)
    return server, f"http://127.0.0.1:{port}"


# Measuring --------------------------------------------------------------------------------


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime, stime


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


class Database:
    """Questions to PostgreSQL about this database's connections and processes."""

    def __init__(self) -> None:
        import psycopg

        self.name = urlsplit(DATABASE_URL).path.lstrip("/")
        self.connection = psycopg.connect(DATABASE_URL, autocommit=True)

    def connections(self) -> tuple[int, int]:
        """Open connections to this database, and those running a statement now."""
        row = self.connection.execute(
            "SELECT count(*), count(*) FILTER (WHERE state = 'active') FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.name],
        ).fetchone()
        return int(row[0]), int(row[1])  # type: ignore[index]

    def size_after_vacuum(self) -> int:
        """Bytes on disk once every dead row version (each save leaves one) is reclaimed."""
        self.connection.execute("VACUUM FULL")
        row = self.connection.execute("SELECT pg_database_size(%s)", [self.name]).fetchone()
        return int(row[0])  # type: ignore[index]

    def pids(self) -> list[int]:
        """Its backends and the server's own processes (WAL writer, checkpointer, …)."""
        rows = self.connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s OR datname IS NULL", [self.name]
        ).fetchall()
        return [int(row[0]) for row in rows]


@dataclass
class Step:
    users: int
    servers: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    failures: int
    failed_journeys: int
    journeys: int
    connections_open: int
    connections_active_max: int
    http_connections_max: int  # residents' connections open to the app servers, at most
    cpu_app: float  # percent of one core
    cpu_database: float
    cpu_locust: float
    kinds: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.p95_ms <= GOAL_P95_MS and self.failures == 0 and self.failed_journeys == 0


def http_connections(ports: set[int]) -> int:
    """Connections open to the app servers listening on `ports`, from the kernel's table."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) in ports:  # established
            count += 1
    return count


class Meter:
    """CPU of the app servers, the database and this process, and the connections in use."""

    def __init__(
        self, database: Database, servers: list[subprocess.Popen[bytes]], addresses: list[str]
    ) -> None:
        self.database, self.servers = database, servers
        self.ports = {int(urlsplit(address).port or 80) for address in addresses}

    def app_pids(self) -> list[int]:
        return [pid for s in self.servers for pid in (s.pid, *children(s.pid))]

    def sample(self) -> dict[str, dict[int, int]]:
        return {
            "app": {pid: cpu_ticks(pid) for pid in self.app_pids()},
            "database": {pid: cpu_ticks(pid) for pid in self.database.pids()},
        }

    def profile(self, seconds: float, name: str) -> list[subprocess.Popen[bytes]]:
        """py-spy's raw samples of every app process for `seconds` (bench/load/profile.py)."""
        spy = str(Path(sys.executable).parent / "py-spy")
        return [
            subprocess.Popen(  # noqa: S603
                [
                    spy,
                    "record",
                    "--pid",
                    str(server.pid),
                    "--subprocesses",
                    "--rate",
                    "50",
                    "--duration",
                    str(int(seconds)),
                    "--format",
                    "raw",
                    "--nonblocking",
                    "--output",
                    str(DATA / f"profile-{name}-{index}.txt"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for index, server in enumerate(self.servers)
        ]

    def measure(self, seconds: float, name: str) -> dict[str, Any]:
        spies = self.profile(seconds, name) if PROFILE else []
        before, own_before, started = self.sample(), os.times(), time.monotonic()
        seen: list[tuple[int, int]] = []
        clients: list[int] = []
        deadline = started + seconds
        while time.monotonic() < deadline:
            seen.append(self.database.connections())
            clients.append(http_connections(self.ports))
            gevent.sleep(min(2.0, max(0.0, deadline - time.monotonic())))
        after, own_after = self.sample(), os.times()
        elapsed = time.monotonic() - started
        for spy in spies:
            spy.wait()

        def percent(kind: str) -> float:
            ticks = sum(t - before[kind].get(pid, 0) for pid, t in after[kind].items())
            return 100 * ticks / CLOCK_TICKS / elapsed

        own = (own_after.user + own_after.system) - (own_before.user + own_before.system)
        return {
            "seconds": elapsed,
            "connections_open": max(open_ for open_, _active in seen),
            "connections_active_max": max(active for _open, active in seen),
            "http_connections_max": max(clients),
            "cpu_app": percent("app"),
            "cpu_database": percent("database"),
            "cpu_locust": 100 * own / elapsed,
        }


def step_of(
    environment: Any, users: int, servers: int, usage: dict[str, Any], journeys: tuple[int, int]
) -> Step:
    stats = environment.stats
    total = stats.total
    kinds = []
    for (name, _method), entry in sorted(stats.entries.items()):
        kinds.append(
            {
                "kind": name,
                "requests": entry.num_requests,
                "failures": entry.num_failures,
                "p50_ms": entry.get_response_time_percentile(0.5),
                "p95_ms": entry.get_response_time_percentile(0.95),
                "p99_ms": entry.get_response_time_percentile(0.99),
            }
        )
    return Step(
        users=users,
        servers=servers,
        seconds=usage["seconds"],
        requests_per_second=total.num_requests / usage["seconds"],
        p50_ms=total.get_response_time_percentile(0.5),
        p95_ms=total.get_response_time_percentile(0.95),
        p99_ms=total.get_response_time_percentile(0.99),
        requests=total.num_requests,
        failures=total.num_failures,
        failed_journeys=journeys[1],
        journeys=journeys[0],
        connections_open=usage["connections_open"],
        connections_active_max=usage["connections_active_max"],
        http_connections_max=usage["http_connections_max"],
        cpu_app=usage["cpu_app"],
        cpu_database=usage["cpu_database"],
        cpu_locust=usage["cpu_locust"],
        kinds=kinds,
        errors=[f"{e.name}: {e.error} ({e.occurrences}×)" for e in stats.errors.values()],
    )


def print_step(step: Step) -> None:
    verdict = "ok" if step.passed else "over the goal"
    print(
        f"\n== {step.users} residents on {step.servers} server(s): "
        f"{step.requests_per_second:.1f} requests/s, p50 {step.p50_ms:.0f} ms, "
        f"p95 {step.p95_ms:.0f} ms, p99 {step.p99_ms:.0f} ms, {step.failures} failed requests, "
        f"{step.failed_journeys} failed journeys, {step.journeys} completed — {verdict}"
    )
    print(
        f"   connections: {step.http_connections_max} to the app at most; database "
        f"{step.connections_open} open, at most {step.connections_active_max} active\n"
        f"   CPU (% of one core): app {step.cpu_app:.0f}, database {step.cpu_database:.0f}, "
        f"Locust {step.cpu_locust:.0f}"
    )
    print(f"   {'request kind':<26}{'count':>7}{'fail':>6}{'p50':>7}{'p95':>7}{'p99':>7}  ms")
    for kind in step.kinds:
        print(
            f"   {kind['kind']:<26}{kind['requests']:>7}{kind['failures']:>6}"
            f"{kind['p50_ms']:>7.0f}{kind['p95_ms']:>7.0f}{kind['p99_ms']:>7.0f}"
        )
    for error in step.errors:
        print(f"   failed: {error}")
    sys.stdout.flush()


# The load ---------------------------------------------------------------------------------


class Phase:
    """Locust users against `servers` until told to stop."""

    def __init__(self, servers: list[str]) -> None:
        from locust.env import Environment

        from bench.load.locustfile import SETUP, ResidentUser

        self.setup = SETUP
        SETUP.servers, SETUP.stopping, SETUP.idle = servers, False, 0
        self.environment = Environment(user_classes=[ResidentUser])
        self.runner = self.environment.create_local_runner()

    def grow_to(self, users: int) -> None:
        self.runner.start(users, spawn_rate=SPAWN_RATE)
        while self.runner.user_count < users:
            gevent.sleep(1)

    def measure(self, meter: Meter, users: int, servers: int) -> Step:
        gevent.sleep(SETTLE)
        self.environment.stats.reset_all()
        journeys = self.setup.journeys, sum(self.setup.failed_journeys.values())
        usage = meter.measure(MEASURE, f"{users}x{servers}")
        done = self.setup.journeys - journeys[0]
        failed = sum(self.setup.failed_journeys.values()) - journeys[1]
        step = step_of(self.environment, users, servers, usage, (done, failed))
        print_step(step)
        return step

    def stop(self) -> None:
        """Every user stops at its next pause (never between an answer and its save)."""
        self.setup.stopping = True
        deadline = time.monotonic() + 120
        while self.setup.idle < self.runner.user_count and time.monotonic() < deadline:
            gevent.sleep(0.5)
        self.runner.quit()


def main() -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    stepping_seconds = len(STEPS) * (SETTLE + MEASURE) + max(STEPS) / SPAWN_RATE
    two_users = TWO_SERVER_USERS or max(STEPS)
    first_phase = accounts_needed(max(STEPS), stepping_seconds)
    count = first_phase + accounts_needed(two_users, SETTLE + MEASURE)
    print(f"== a fresh database, {count} residents with codes; open files: {allow_open_files()}")
    fresh_database()
    manage("compilecatalogs", "--verbosity", "0")
    manage("migrate", "--verbosity", "0")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    accounts = DATA / "residents.jsonl"
    manage("loadresidents", "--count", str(count), "--out", str(accounts))

    os.environ.update(SERVER_ENV)
    import django

    django.setup()
    from bench.load.check import saved_answers_differ
    from bench.load.locustfile import SETUP

    SETUP.load(accounts, [])
    SETUP.use(0, first_phase)  # the rest are the two-server run's
    database = Database()
    size_before = database.size_after_vacuum()

    server, address = start_server(WORKERS)
    steps: list[Step] = []
    try:
        phase = Phase([address])
        meter = Meter(database, [server], [address])
        for users in STEPS:
            phase.grow_to(users)
            steps.append(phase.measure(meter, users, 1))
            if not steps[-1].passed and len(steps) > 1 and not steps[-2].passed:
                break  # two steps over the goal: the limit is found
        phase.stop()
    finally:
        stop(server)
    capacity = max((s.users for s in steps if s.passed), default=0)

    halves = max(1, WORKERS // 2)
    two_users = TWO_SERVER_USERS or capacity or min(STEPS)
    SETUP.use(first_phase, None)
    first, first_address = start_server(halves)
    second, second_address = start_server(halves)
    try:
        phase = Phase([first_address, second_address])
        phase.grow_to(two_users)
        meter = Meter(database, [first, second], [first_address, second_address])
        two = phase.measure(meter, two_users, 2)
        phase.stop()
    finally:
        stop(first)
        stop(second)

    problems = saved_answers_differ(SETUP.sent)
    registrations = sum(len(documents) for documents in SETUP.sent.values())
    growth = database.size_after_vacuum() - size_before
    per_10k = growth / max(registrations, 1) * 10_000 / 2**20
    print(
        f"\n== one server ({WORKERS} workers): largest number of residents with p95 <= "
        f"{GOAL_P95_MS} ms and no failure: {capacity}"
    )
    print(
        f"== two servers ({halves} worker(s) each), {two_users} residents: "
        f"{'ok' if two.passed else 'over the goal'} (p95 {two.p95_ms:.0f} ms, "
        f"{two.failures} failed requests)"
    )
    print(
        f"== saved answers checked against what the load sent: {len(SETUP.sent)} residents, "
        f"{registrations} registrations, {len(problems)} differ"
    )
    for problem in problems[:20]:
        print(f"   {problem}")
    print(
        f"== database growth: {growth / 2**20:.1f} MB for {registrations} registrations, "
        f"about {per_10k:.0f} MB per 10,000 (after VACUUM FULL)"
    )
    if SETUP.failed_journeys:
        print(f"== journeys that failed, by reason: {dict(SETUP.failed_journeys)}")
    (DATA / "results.json").write_text(
        json.dumps(
            {
                "steps": [asdict(s) for s in steps],
                "capacity": capacity,
                "two_servers": asdict(two),
                "differ": problems,
                "out_of_accounts": SETUP.out_of_accounts,
                "registrations": registrations,
                "database_mb_per_10000_registrations": per_10k,
            },
            indent=1,
        )
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
