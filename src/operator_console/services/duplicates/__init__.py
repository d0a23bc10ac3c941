"""Live duplicate candidates and the actions on them."""
