"""Routing rules in SQL: the administration unit of work and the tester's reads."""
