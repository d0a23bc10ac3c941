"""Qt widgets, item models and presenters; talks to services only."""
