"""Recorders on the owner's network (Reolink, Dahua and its brands, Hikvision), read only.

`connect` opens one behind the Recorder interface (`model`); `transport` holds the address
rules, certificate pinning and the read-only allow-list (`allowlist`) every request passes;
`fetch` downloads footage to a file, hashed as it arrives; `zones` and `clock` turn the device's
wall times into instants; `credentials` keeps passwords in the system keychain or, where there
is none, encrypted with the owner's passphrase. Below the index: the index uses this part,
never the other way.
"""
