"""Reference agency portal for FRP/1: what an agency runs to pilot the protocol, and what the
tests and the demo talk to. Nothing in `agent/` imports this package."""
