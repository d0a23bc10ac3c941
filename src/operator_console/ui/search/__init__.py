"""Finding any case from anywhere in the console: the search box and its results."""
