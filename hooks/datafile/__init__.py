"""Hand-edited YAML data files (the partner directory, the goals, the statistics): safe
loading with the line of every value, JSON Schema errors and other problems worded for
the person who has to fix them (file, line, field, what was found, what was expected)."""
