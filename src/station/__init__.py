"""Park Service Station: the desktop application of an industrial park's enterprise service station."""

__version__ = "0.1.0"
