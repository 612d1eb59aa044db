"""Fixtures of the robustness tests; the helpers they use are in helpers.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.helpers import SEED, make_project, run_build


@pytest.fixture(scope="session")
def built_seed(tmp_path_factory) -> Path:
    """The sample article built once by the real command (a project others copy)."""
    folder = make_project(tmp_path_factory.mktemp("robust-seed") / "project", {SEED.name: SEED.read_bytes()})
    run = run_build(folder)
    assert run.code == 0, run.stderr
    return folder
