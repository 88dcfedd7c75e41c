"""The station's built-in plugins, registered through the same ``station`` entry-point group as any other."""
