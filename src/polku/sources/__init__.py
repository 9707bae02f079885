"""Official open data: clients and parsers for Kela, Statistics Finland and Sotkanet."""
