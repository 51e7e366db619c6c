"""Orchestration between the core rules and the network: what a user action does, in order.

No Qt here; the UI runs the blocking calls in its worker helper.
"""
