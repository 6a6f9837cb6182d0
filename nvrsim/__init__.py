"""A recorder simulator: real footage from a folder, served through the HTTP API subsets of
Reolink, Dahua and Hikvision recorders on 127.0.0.1, with faults on request.

An independent implementation: it imports nothing from the agent, so the agent's recorder
clients are tested against a second reading of the vendors' public API documents
(docs/recorders.md names them), not against themselves.
"""
