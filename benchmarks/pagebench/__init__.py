"""Page benchmarks: the participant app against the bare floor notebook, in one run.

``servers`` starts the server under test, ``browser`` times a page in headless Chromium,
``crowd`` opens many pages at once with lightweight clients, ``summary`` turns the samples
into figures and a table.
"""
