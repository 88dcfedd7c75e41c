"""Only what pyproject.toml cannot say: the top-level ``resources/`` folder (fonts, the holiday calendar,
translations) ships inside the wheel as the package ``station.resources``, beside the code that reads it."""

from setuptools import find_namespace_packages, setup

RESOURCES = ["station.resources", *(f"station.resources.{name}" for name in find_namespace_packages("resources"))]

setup(
    packages=[*find_namespace_packages("src", include=["station*"], exclude=["*__pycache__"]), *RESOURCES],
    package_dir={"": "src", "station.resources": "resources"},
)
