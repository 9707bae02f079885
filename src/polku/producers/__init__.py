"""The associations' funding base (S13-S19): finances, funding models, health, pooling."""
