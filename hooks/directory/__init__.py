"""Partner directory: one YAML file per actor in directory/, checked before the site is built.

    from hooks.directory import load_directory
    result = load_directory(Path("directory"), today=date.today())

Checking: validate (loader, checks, schema_messages, problem). Publishing, used by
hooks/directory_pages.py: settings (where things are), labels (the pages' words),
text and html (choosing and escaping entry text), review, chapters (programme
chapter links), actor_page and list_page (the pages), jsonld, hsds (open data).
"""
from hooks.datafile.problem import Problem
from .validate import DirectoryResult, load_directory

__all__ = ["DirectoryResult", "Problem", "load_directory"]
