"""Staff administration in the database: staff rows, their queues, logins and history."""
