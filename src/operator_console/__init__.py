"""Operator Console: a desktop console for 311 call centers."""

__version__ = "0.1.0"
