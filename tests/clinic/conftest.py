"""Clinic-mode fixtures: one real PostgreSQL per test session, a fresh database per test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest

from tests.pg_cluster import Cluster, bin_dir

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    binaries = bin_dir()
    if binaries is None:
        pytest.fail("PostgreSQL is not installed: run scripts/setup --test")
    made = Cluster(binaries)
    yield made
    made.destroy()


@pytest.fixture
def admin_url(cluster: Cluster) -> Iterator[str]:
    """The administrator's URL of a new empty database (left behind for the cluster's end)."""
    if not cluster.running():
        cluster.start()  # a test that stopped the server and failed before starting it again
    name = f"clinic{next(_numbers)}"
    with psycopg.connect(cluster.admin_url(), autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    yield cluster.admin_url(name)
