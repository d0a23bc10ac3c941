"""Tools that are not the shipped console: the demo-city builder, replay evaluation."""
