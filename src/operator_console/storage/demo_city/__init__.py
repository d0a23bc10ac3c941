"""The demo city: a compact dataset derived from Boston open data, and its seeder."""
