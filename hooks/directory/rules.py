"""What the shared data-file machinery (hooks/datafile) needs to know about directory files."""
from __future__ import annotations

from hooks.datafile.loader import FileRules
from hooks.datafile.schema_messages import Vocabulary

FILE_RULES = FileRules(
    plural="directory entries",
    size_hint="a directory entry needs only a few KiB",
    first_field="id",
    empty_expected="fields like id: and name:",
    first_line_example="id: frk-borga",
    schema_name="directory/schema.json",
)

VOCABULARY = Vocabulary(
    # checks.py examines these with better wording than a pattern error.
    semantic_fields=frozenset({"email", "website", "url", "number", "reviewed"}),
    synonyms={
        "url": "website", "homepage": "website", "web": "website", "www": "website", "webpage": "website",
        "mail": "email", "e-mail": "email", "e_mail": "email",
        "phone": "phones", "telephone": "phones", "tel": "phones", "puhelin": "phones", "telefon": "phones",
        "address": "locations", "location": "locations", "schedule": "schedules", "hours": "schedules",
        "chapters": "programme_chapters", "chapter": "programme_chapters", "type": "kind", "title": "name",
        "abbreviation": "alternate_name", "short_name": "alternate_name", "language": "languages",
        "service": "services", "target_group": "target_groups", "need": "needs", "reviewed_at": "reviewed",
    },
)
