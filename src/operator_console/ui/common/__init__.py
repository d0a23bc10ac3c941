"""What every screen shares: background work, the change bus, formatting."""
