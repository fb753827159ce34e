"""A real Celery worker for the tests that need one, with Redis on 127.0.0.1:6379 as the broker.
Each gets a queue of its own, so test runs sharing the Redis (SQLite and PostgreSQL at once) do
not take each other's jobs."""

import socket
import subprocess
import sys
import uuid
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


def own_queue(env: dict) -> dict:
    """``env`` with a queue name no other test run uses (for the worker and the sender both)."""
    return {**env, "MODUS_CELERY_QUEUE": f"modus-test-{uuid.uuid4().hex}"}


@contextmanager
def celery_worker(env: dict, cwd=None):
    """Run ``celery -A modus worker`` (one process, no gossip) with this environment, on its
    ``MODUS_CELERY_QUEUE`` (set it with ``own_queue``)."""
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
            env.get("MODUS_CELERY_QUEUE") or "celery",
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
