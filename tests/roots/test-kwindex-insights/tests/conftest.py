"""Shared fixtures for the insight tests (no tests here)."""

import pytest


@pytest.fixture
def numbers():
    return [1, 2, 3]
