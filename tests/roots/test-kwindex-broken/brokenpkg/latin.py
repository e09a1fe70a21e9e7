# -*- coding: latin-1 -*-
"""Café module."""

café = "crème"


def naïve():
    return café
