"""Case actions and the case screen's read model."""
