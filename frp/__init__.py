"""FRP/1, the footage request protocol: what the owner's agent and an agency's portal share.

Tokens (JWS with the algorithm rules, request claims and their limits, decisions, receipts,
registration tokens and key proofs), what an owner registers, owner certificates, the agency
file, the web-origin rules, and the evidence package as a receiver reads and checks it. Both sides build on this package; it imports nothing from `agent`, `gui` or `portal`, so a
receiver can check a package with it alone.
"""

VERSION = 1
