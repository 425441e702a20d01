"""The IT person's commands print what they did, the URLs to hand out, and plain failures."""

from __future__ import annotations

import re

import psycopg
import pytest

from eduapp.__main__ import main
from eduapp.core.storage.pg_schema import SCHEMA_VERSION
from tests.pg_cluster import Cluster, free_port


def test_server_init_prints_what_it_did_and_two_working_urls(
        admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "init", admin_url]) == 0
    out = capsys.readouterr().out

    assert f"Schema: created at version {SCHEMA_VERSION}." in out
    urls = re.findall(r"eduapp connect '(postgresql://[^']+)'", out)
    assert len(urls) == 2
    for url, role in zip(urls, ("_device", "_clinician"), strict=True):
        with psycopg.connect(url) as db:
            assert db.info.user.endswith(role)

    assert main(["server", "init", admin_url]) == 0
    again = capsys.readouterr().out
    assert f"already at version {SCHEMA_VERSION}" in again and "keep their passwords" in again
    assert "postgresql://" not in again.split("\n", 1)[1]  # no URL, no password


def test_server_init_never_prints_the_admin_password(
        cluster: Cluster, admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with psycopg.connect(admin_url, autocommit=True) as db:
        db.execute("CREATE ROLE it_person LOGIN SUPERUSER PASSWORD 'Sup3r-secret'")
    url = admin_url.replace("postgres@", "it_person:Sup3r-secret@")
    assert main(["server", "init", url]) == 0
    wrong = url.replace("Sup3r-secret", "Wr0ng-guess")
    assert main(["server", "init", wrong]) == 1
    out = capsys.readouterr().out

    assert "Sup3r-secret" not in out and "Wr0ng-guess" not in out
    assert "it_person:***@" in out
    assert "refused the user name or password" in out


def test_server_init_says_plainly_when_the_server_is_not_there(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "init", f"postgresql://postgres@127.0.0.1:{free_port()}/x"]) == 1
    assert "cannot be reached" in capsys.readouterr().out
