"""Administration of the city's configuration: one package per screen."""
