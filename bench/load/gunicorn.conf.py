"""gunicorn for `make load` and the sizing advice in docs/benchmarks.md.

gthread: each worker process serves several requests at once on threads, so a request that
waits for PostgreSQL (a commit waits for the write-ahead log to reach the disk) does not
hold up the others; the processes share out the cores. Each thread keeps its own database
connection open (DATABASE_CONN_MAX_AGE, 600 s by default): workers × threads connections
per server. `--workers` is given on the command line (bench/load/run.py: LOAD_WORKERS).
"""

import os

worker_class = os.environ.get("LOAD_WORKER_CLASS", "gthread")
threads = int(os.environ.get("LOAD_THREADS", "4"))
keepalive = 5  # seconds an idle browser connection is kept: a page's next request reuses it
backlog = 2048  # connections waiting to be accepted when every thread is busy
timeout = 60
graceful_timeout = 10
loglevel = "warning"
accesslog = None  # qualreg logs each request itself, without raw paths (README)
