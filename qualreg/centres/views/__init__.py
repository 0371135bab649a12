"""The reception-centre staff portal, one module per feature."""
