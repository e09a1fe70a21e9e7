"""A package with broken modules."""

GOOD = 1
