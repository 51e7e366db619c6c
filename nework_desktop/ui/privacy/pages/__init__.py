"""The privacy center's pages, one class a file; :mod:`.base` holds what they share."""
