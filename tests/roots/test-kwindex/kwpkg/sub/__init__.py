"""Subpackage of kwpkg."""
