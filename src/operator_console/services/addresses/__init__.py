"""Finding places: address autocomplete and the address nearest a pin."""
