"""The Staff screen: an admin adds people, changes their roles and queues, disables logins."""
