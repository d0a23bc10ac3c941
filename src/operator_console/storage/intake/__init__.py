"""Storing a submitted call, its photos and the local draft files."""
