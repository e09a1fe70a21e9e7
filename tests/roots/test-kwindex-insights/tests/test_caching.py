"""Tests for insightpkg.caching (three test functions)."""

from insightpkg.caching import Report, fib, square


def make_report(values):
    """A helper, not a test."""
    return Report(values)


def test_fib():
    assert fib(10) == 55


def test_square():
    assert square(4) == 16


def test_report_total(numbers):
    assert make_report(numbers).total == 6


class Helper:
    """Not a Test* class, so its test_ method does not count."""

    def test_not_collected(self):
        pass
