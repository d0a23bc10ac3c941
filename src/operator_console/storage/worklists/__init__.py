"""Work lists in the database: saved searches and the signed-in person's staff id."""
