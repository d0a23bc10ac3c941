"""SQLAlchemy tables, repositories, read models, change listeners and migrations."""
