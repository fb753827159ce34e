"""A real Celery worker for the tests that need one, with Redis on 127.0.0.1:6379 as the broker."""

import socket
import subprocess
import sys
from contextlib import contextmanager

import pytest


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not redis_available(), reason="needs Redis on 127.0.0.1:6379 as the broker"
)


@contextmanager
def celery_worker(env: dict, cwd=None):
    """Run ``celery -A modus worker`` (one process, no gossip) with this environment."""
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "modus",
            "worker",
            "--pool=solo",
            "-Q",
            "celery",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield worker
    finally:
        worker.terminate()
        worker.communicate(timeout=20)
