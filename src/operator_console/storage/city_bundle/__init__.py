"""Loading a city bundle into the database, and exporting the database's city as a bundle."""
