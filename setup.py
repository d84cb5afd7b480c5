"""Maps the repository's top-level data folders into the package; the rest is pyproject.toml.

``question_packs/`` and ``assets/`` stay where contributors expect them, at the top of the
repository, and are the only copy. A wheel carries them as ``simulator/question_packs`` and
``simulator/assets`` (read through ``simulator.paths``). The mapping needs the package list
spelled out, which pyproject.toml cannot do next to ``packages.find``, hence this file.
"""

from setuptools import find_packages, setup

DATA_PACKAGES = {
    "simulator.question_packs": "question_packs",
    "simulator.assets": "assets",
}

setup(
    packages=[*find_packages(include=["simulator", "simulator.*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
)
