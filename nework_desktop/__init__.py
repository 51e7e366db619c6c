"""NeWork Desktop: the client shell that keeps the NeWork application privacy policy in code."""

__version__ = "0.1.0"

APP_NAME = "NeWork"
APP_AUTHOR = "NTTCom"
APP_ID = "com.ntt.nework.desktop"
