"""The application around the pages: start-up, the main window, the tray, the look, and the
bridge that turns agent events into Qt signals and runs the app's work as agent jobs."""
