"""A city bundle: the files that describe a city to the console, read and checked."""
