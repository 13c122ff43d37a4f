"""Gunicorn settings for `make run`: a whole school's browsers at once on a small machine.

Each browser keeps a connection open between requests (keep-alive) while its
student thinks; gthread workers hold those idle connections in an epoll loop
and give a thread only to a request being served, so thousands of students
cost file descriptors, not threads. One worker process per core, as the work
is Python (one core per process); a few threads each cover database waits.
bench/load/run.py measured it (README, "Deployment"). Every value can be set
from the environment, e.g. QUIZAPP_WORKERS=4.
"""

import multiprocessing
import os
import resource

wsgi_app = "quizapp:create_app()"
worker_class = "gthread"
workers = int(os.environ.get("QUIZAPP_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("QUIZAPP_THREADS", 8))
# Connections each worker holds open, idle ones included (gunicorn's default is 1,000).
worker_connections = int(os.environ.get("QUIZAPP_WORKER_CONNECTIONS", 10_000))
# Seconds an idle browser connection is kept, as browsers and proxies expect (gunicorn's default is 2).
keepalive = int(os.environ.get("QUIZAPP_KEEPALIVE", 75))
# Connections waiting to be accepted during a join rush.
backlog = 4096
# A worker silent this long is restarted; a long export runs as a background job, not in a request.
timeout = 60
accesslog = os.environ.get("QUIZAPP_ACCESS_LOG")  # "-" for stdout; off by default
# No control socket in the home folder: two servers on one machine would fight over it.
control_socket_disable = True


def on_starting(server):
    """Allow a file descriptor per open connection: raise the soft limit to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max(soft, 65_536) if hard == resource.RLIM_INFINITY else hard
    if wanted > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
