"""Base map files: MBTiles tile sets read from local SQLite files."""
