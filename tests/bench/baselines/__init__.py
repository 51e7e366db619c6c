"""The bare-stack baselines: what PySide6 alone needs to show a window or load a page.

Each reports its events exactly as ``nework_desktop.app.StartupTiming`` does
(:mod:`tests.bench.baselines.timing`), so the comparison measures the app, not the method.
"""
