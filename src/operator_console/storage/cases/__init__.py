"""Cases as case actions and the case screen read and write them."""
