"""Tests: db."""
