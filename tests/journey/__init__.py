"""End-to-end journeys: every shipped input through the command line, and realistic variants."""
