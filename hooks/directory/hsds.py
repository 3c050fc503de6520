"""The whole directory as open data with Open Referral HSDS 3 field names.

One file holds every language. HSDS has no translated fields, so the export has one
variant per language, each a plain HSDS list of organizations (with their services,
locations, phones and languages) whose texts are in that language. The mapping and
the few deliberate differences from HSDS 3 are documented in directory/README.md;
directory/hsds-export.schema.json is the contract, checked at every build.
"""
from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Mapping, Sequence

from jsonschema import Draft202012Validator

from hooks.datafile.fast_schema import compile_schema

from .labels import Labels
from .text import pick_text


class _Ids:
    """UUID 5 names: the same entry gives the same ids in every build and every variant."""

    def __init__(self, namespace: uuid.UUID):
        self.namespace = namespace

    def __call__(self, *parts: object) -> str:
        return str(uuid.uuid5(self.namespace, "/".join(str(part) for part in parts)))


def build_export(actors: Sequence[Mapping[str, Any]], labels: Mapping[str, Labels], default_language: str,
                 namespace: uuid.UUID, generated: date, title: str) -> dict[str, Any]:
    ids = _Ids(namespace)
    languages = list(labels)
    return {
        "title": title,
        "format": "Open Referral HSDS 3 field names; one variant per language",
        "generated": generated.isoformat(),
        "source_language": default_language,
        "languages": languages,
        "variants": [
            {"language": lang,
             "organizations": [_organization(actor, lang, [default_language, *languages], labels[lang], ids)
                               for actor in actors]}
            for lang in languages
        ],
    }


def _organization(actor, lang, fallbacks, labels: Labels, ids: _Ids) -> dict[str, Any]:
    org_id = ids("organization", actor["id"])
    return _clean({
        "id": org_id,
        "name": pick_text(actor["name"], lang, fallbacks),
        "alternate_name": actor.get("alternate_name"),
        # HSDS requires a description; an entry without one exports an empty text.
        "description": pick_text(actor.get("description"), lang, fallbacks) or "",
        "email": actor.get("email"),
        "website": actor.get("website"),
        "organization_identifiers": [{"id": ids("organization", actor["id"], "identifier"),
                                      "organization_id": org_id, "identifier_type": "directory_entry_id",
                                      "identifier": actor["id"]}],
        "attributes": [_attribute(ids, org_id, "organization", "organization_kind", actor["kind"],
                                  labels.kinds[actor["kind"]])],
        "phones": [_phone(phone, index, lang, fallbacks, ids, org_id, actor["id"])
                   for index, phone in enumerate(actor.get("phones") or ())],
        "locations": [_location(location, index, lang, fallbacks, ids, org_id, actor["id"], labels)
                      for index, location in enumerate(actor.get("locations") or ())],
        "services": [_service(service, index, actor, lang, fallbacks, ids, org_id, labels)
                     for index, service in enumerate(actor.get("services") or ())],
    })


def _service(service, index, actor, lang, fallbacks, ids: _Ids, org_id: str, labels: Labels) -> dict[str, Any]:
    service_id = ids("organization", actor["id"], "service", index)
    # A service without its own languages is given in the actor's languages.
    codes = service.get("languages") or actor.get("languages") or ()
    attributes = [_attribute(ids, service_id, "service", "need", need, labels.needs[need])
                  for need in service.get("needs") or ()]
    attributes += [_attribute(ids, service_id, "service", "target_group", group, labels.target_groups[group])
                   for group in service.get("target_groups") or ()]
    return _clean({
        "id": service_id,
        "organization_id": org_id,
        "name": pick_text(service["name"], lang, fallbacks),
        "description": pick_text(service.get("description"), lang, fallbacks),
        "url": service.get("url"),
        # The directory lists current services only; an ended one is removed, not kept as inactive.
        "status": "active",
        "eligibility_description": pick_text(service.get("eligibility_description"), lang, fallbacks),
        "assured_date": actor.get("reviewed"),
        "languages": [{"id": ids(service_id, "language", code), "service_id": service_id,
                       "name": labels.language(code), "code": code} for code in codes],
        "attributes": attributes,
    })


def _location(location, index, lang, fallbacks, ids: _Ids, org_id: str, actor_id: str, labels: Labels):
    location_id = ids("organization", actor_id, "location", index)
    address = location["address"]
    return _clean({
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": pick_text(location.get("name"), lang, fallbacks),
        "addresses": [_clean({"id": ids(location_id, "address"), "location_id": location_id,
                              "address_1": address.get("address_1"), "city": address["city"],
                              "postal_code": address.get("postal_code"), "country": address.get("country", "FI"),
                              "address_type": "physical"})],
        "schedules": [_schedule(schedule, n, lang, fallbacks, ids, location_id)
                      for n, schedule in enumerate(location.get("schedules") or ())],
    })


def _schedule(schedule, index, lang, fallbacks, ids: _Ids, location_id: str) -> dict[str, Any]:
    return _clean({
        "id": ids(location_id, "schedule", index),
        "location_id": location_id,
        "freq": "WEEKLY" if schedule.get("byday") else None,
        "byday": schedule.get("byday"),
        "opens_at": schedule.get("opens_at"),
        "closes_at": schedule.get("closes_at"),
        "description": pick_text(schedule.get("description"), lang, fallbacks),
    })


def _phone(phone, index, lang, fallbacks, ids: _Ids, org_id: str, actor_id: str) -> dict[str, Any]:
    return _clean({"id": ids("organization", actor_id, "phone", index), "organization_id": org_id,
                   "number": phone["number"], "description": pick_text(phone.get("description"), lang, fallbacks)})


def _attribute(ids: _Ids, link_id: str, entity: str, link_type: str, value: str, label: str) -> dict[str, Any]:
    return {"id": ids(link_id, link_type, value), "link_id": link_id, "link_entity": entity,
            "link_type": link_type, "value": value, "label": label}


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the entry does not have, rather than writing null or []."""
    return {key: value for key, value in record.items()
            if value is not None and value != [] and (value != "" or key == "description")}


def validate_export(export: Mapping[str, Any], schema_path: Path) -> list[str]:
    """Every way the export breaks its schema, as readable lines (empty: valid)."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    formats = Draft202012Validator.FORMAT_CHECKER
    if compile_schema(schema, formats)(export):   # the compiled check is many times faster
        return []
    validator = Draft202012Validator(schema, format_checker=formats)
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(export), key=lambda e: list(map(str, e.absolute_path)))]


def write_export(export: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
