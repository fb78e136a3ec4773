"""The editor integration: ``copydesk lsp`` runs a Language Server (pygls) over stdio.

``convert`` holds the pure position and diagnostic conversions (tested without a client);
``server`` wires them to pygls. Nothing here is imported unless ``copydesk lsp`` runs.
"""
