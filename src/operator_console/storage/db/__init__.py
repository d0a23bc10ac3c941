"""Engines, the schema, its tables and migrations, the city settings."""
