"""A module of a namespace subpackage."""

LEAF = 1
