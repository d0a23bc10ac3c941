"""The address gazetteer: bulk import and search."""
