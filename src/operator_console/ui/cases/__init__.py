"""The case screen and the case actions' dialogs."""
