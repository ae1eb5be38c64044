"""Small fixed knowledge shared by the suggestion engine and the update checker."""

DEMONYMS = {
    "indian": "India", "russian": "Russia", "american": "United States", "chinese": "China",
    "pakistani": "Pakistan", "turkish": "Turkey", "french": "France", "british": "United Kingdom",
    "german": "Germany", "japanese": "Japan", "israeli": "Israel", "iranian": "Iran",
    "ukrainian": "Ukraine", "saudi": "Saudi Arabia", "korean": "South Korea", "syrian": "Syria",
    "afghan": "Afghanistan", "italian": "Italy", "spanish": "Spain", "canadian": "Canada",
    "australian": "Australia", "brazilian": "Brazil", "egyptian": "Egypt", "qatari": "Qatar",
}  # fmt: skip
"""Adjective of nationality -> country name."""

CAPITALS = {
    "New Delhi": "India", "Moscow": "Russia", "Washington": "United States", "Beijing": "China",
    "Ankara": "Turkey", "Paris": "France", "Berlin": "Germany", "Tokyo": "Japan",
    "Kremlin": "Russia", "Islamabad": "Pakistan",
}  # fmt: skip
"""Capitals (and seats of government) that news uses for their countries."""
