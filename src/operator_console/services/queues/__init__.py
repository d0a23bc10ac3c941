"""Queues, their live counts and the pages of requests they list."""
