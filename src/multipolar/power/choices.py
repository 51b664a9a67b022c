"""What the power commands accept: measure names with their descriptions, chart kinds, defaults.

Kept apart from ``measures`` (which loads data with pandas) so that the command line can list
the choices in its help, and check a name, without loading anything.
"""

from __future__ import annotations

# measure -> what it is, its source and years
MEASURES: dict[str, str] = {
    "cinc": "Composite Index of National Capability, recomputed from the six NMC v7 components (1816-2022)",
    "gdp": "GDP, constant 2015 US$, World Bank WDI (1960-2024)",
    "gdp_current": "GDP, current US$, World Bank WDI (1960-2023)",
    "gdp_ppp": "GDP, PPP, constant 2021 international $, World Bank WDI (1990-2024)",
    "gdp_longrun": (
        "Real GDP, millions of 2017 international $, Fariss et al. 2022 latent estimates (1816-2019)"
    ),
    "milex": "Military expenditure, millions of constant 2023 US$, SIPRI (1949-2024)",
    "milex_nmc": "Military expenditure, thousands of current US$, COW NMC v7 (1816-2022)",
    "pop": "Population, World Bank WDI (1960-2024)",
    "pop_nmc": "Total population, thousands, COW NMC v7 (1816-2022)",
    "net_resources": (
        "Net resources, GDP × GDP per capita (Beckley 2018), World Bank constant 2015 US$ (1960-2024)"
    ),
    "net_resources_longrun": (
        "Net resources, GDP × GDP per capita (Beckley 2018), Fariss et al. 2022 (1816-2019)"
    ),
    "composite": "Weighted mean of world shares under other measures, e.g. weights={'gdp': .5, 'milex': .5}",
}

# measure -> the measure of the same thing from a source covering the years this one lacks
INSTEAD: dict[str, str] = {
    "gdp": "gdp_longrun",
    "gdp_current": "gdp_longrun",
    "gdp_ppp": "gdp_longrun",
    "gdp_longrun": "gdp",
    "milex": "milex_nmc",
    "milex_nmc": "milex",
    "pop": "pop_nmc",
    "pop_nmc": "pop",
    "net_resources": "net_resources_longrun",
    "net_resources_longrun": "net_resources",
}

# blocs: power/blocs.py draws it with plot.line_chart; alignment, cohesion, network: alignment/charts.py;
# membership: power/membership.py (an organisation's states over time, coloured by status)
CHART_KINDS = ("polarity", "shares", "blocs", "alignment", "cohesion", "network", "membership")

POLE_RATIO = 1 / 3  # a pole holds more than this part of the leader's share (polarity.py)
