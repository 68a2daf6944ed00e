"""The tax agency's published test numbers (never random valid ones): personnummer in 12, 10
and separated form, and a samordningsnummer."""

IDENTITY_NUMBERS = ["198507099805", "8507099813", "19640823-3234", "850709-9805", "701063-2391"]
