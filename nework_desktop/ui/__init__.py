"""Qt user interface (QtWidgets; QtWebEngine only where the workspace opens)."""
