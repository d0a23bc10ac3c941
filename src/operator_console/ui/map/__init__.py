"""The Leaflet map in QtWebEngine, its page, script and base maps."""
