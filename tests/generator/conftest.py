"""Shared fixtures for the generator tests: paths to the seed and the in-repo dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

import quizapp.generator as generator

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_a40edd1d90751169.txt"
DEV_IT = ROOT / "bench" / "data" / "squad_it_dev.json.gz"
DEV_EN = ROOT / "bench" / "data" / "xquad_en_dev.json"


@pytest.fixture(autouse=True)
def strict_generator(monkeypatch):
    """Let internal errors surface in tests instead of being swallowed per fact."""
    monkeypatch.setattr(generator, "STRICT", True)
