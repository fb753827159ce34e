"""Pictures of the figures, drawn on the server as SVG (no script, no CDN): charts with pygal,
the map from pygal-maps-world's country shapes, and the cooperation between countries as a
coloured table. Each picture comes with a table that says the same for screen readers."""
