"""Simulation: a calibrated stochastic stock-flow model of the region's clients."""
