"""Presentation without Qt: how times, sizes, requests and outcomes read for the owner, and
what would leave this PC. Plain functions and frozen records, tested without a display."""
