"""The main window, the startup view and the person picker."""
