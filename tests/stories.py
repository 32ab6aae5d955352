"""Two short news stories, as paragraphs, that tests wrap into the input kinds they read (feeds, JSON, ...)."""

from __future__ import annotations

PORT_STRIKE = [
    "Dock workers at the city's container terminal returned to work on Thursday after union leaders accepted a "
    "three-year wage agreement that ends a strike which had idled cranes for nine days.",
    "The deal raises hourly pay by 4.5 per cent this year and by 3 per cent in each of the next two, according to a "
    "statement from the port authority, which said ships waiting at anchor would be cleared by the weekend.",
]
CYCLE_LANES = [
    "The city council approved a new cycle lane network on Tuesday, linking the harbour district with the "
    "university campus and the main railway station by the end of next year.",
    "Councillors voted 31 to 12 in favour after a debate about parking spaces that will be removed on two "
    "shopping streets, a point traders had raised in a petition.",
]
