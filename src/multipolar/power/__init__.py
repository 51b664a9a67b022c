"""Capabilities, power measures, polarity and their charts.

``capabilities`` reads each source into COW state-years, ``measures`` names the measures and
ranks states, ``polarity`` scores how concentrated power is, ``plot`` draws both over time.
"""
