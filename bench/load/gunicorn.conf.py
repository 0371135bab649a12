"""gunicorn for `make load` and the sizing advice in docs/benchmarks.md.

gthread: each worker process serves several requests at once on threads, so a request that
waits for PostgreSQL (a commit waits for the write-ahead log to reach the disk) does not
hold up the others; the processes share out the cores. Each thread keeps its own database
connection open (DATABASE_CONN_MAX_AGE, 600 s by default): workers × threads connections
per server. `--workers` is given on the command line (bench/load/run.py: LOAD_WORKERS).

Keep-alive: whoever sends the requests must be the one that closes an idle connection. When
gunicorn closes one just as a request arrives on it, that request is lost with the
connection, and a client sends a post again only if it knows the post was not processed.
So gunicorn keeps an idle connection longer (75 s) than its client does: a load balancer
(60 s is a common idle timeout) or, in `make load`, the Locust browsers
(LOAD_CLIENT_IDLE_SECONDS in bench/load/locustfile.py). Each resident then holds a connection
for most of a registration, and a worker that has `worker_connections` open stops accepting
new ones: 4,000 leaves room for every resident of a step on one worker.
"""

import os

worker_class = os.environ.get("LOAD_WORKER_CLASS", "gthread")
threads = int(os.environ.get("LOAD_THREADS", "4"))
keepalive = int(os.environ.get("LOAD_KEEPALIVE", "75"))  # seconds an idle connection is kept
worker_connections = int(os.environ.get("LOAD_WORKER_CONNECTIONS", "4000"))  # open, per worker
backlog = 2048  # connections waiting to be accepted when every thread is busy
timeout = 60
graceful_timeout = 10
loglevel = "warning"
accesslog = None  # qualreg logs each request itself, without raw paths (README)
