"""Partner directory: one YAML file per actor in directory/, checked before the site is built.

    from hooks.directory import load_directory
    result = load_directory(Path("directory"), today=date.today())
"""
from hooks.datafile.problem import Problem
from .validate import DirectoryResult, load_directory

__all__ = ["DirectoryResult", "Problem", "load_directory"]
