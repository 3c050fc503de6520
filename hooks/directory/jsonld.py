"""schema.org JSON-LD for one actor page, safe inside a <script> element.

Search engines and assistants read who the actor is, in which languages it serves
and how to reach it from this block. The text goes into HTML as a script, so
everything that could end the element or start markup is written as a JSON escape.
"""
from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from .text import pick_text

# The closest schema.org type for each kind of actor in directory/schema.json.
SCHEMA_ORG_TYPE = {
    "municipal_service": "GovernmentOrganization",
    "state_authority": "GovernmentOrganization",
    "wellbeing_area": "GovernmentOrganization",
    "educational_institution": "EducationalOrganization",
    "organization": "NGO",
    "parish": "Organization",
    "project": "Organization",
    "company": "Corporation",
}


def actor_languages(actor: Mapping[str, Any]) -> list[str]:
    """Every language the actor or one of its services works in, as ISO 639-1 codes."""
    codes = set(actor.get("languages") or ())
    for service in actor.get("services") or ():
        codes.update(service.get("languages") or ())
    return sorted(codes)


def actor_jsonld(actor: Mapping[str, Any], lang: str, fallbacks: Sequence[str],
                 area_served: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_ORG_TYPE.get(actor["kind"], "Organization"),
        "name": pick_text(actor["name"], lang, fallbacks),
        "alternateName": actor.get("alternate_name"),
        "description": pick_text(actor.get("description"), lang, fallbacks),
        "url": actor.get("website"),
        "email": actor.get("email"),
        "telephone": [phone["number"] for phone in actor.get("phones") or ()] or None,
        "address": [_address(location["address"]) for location in actor.get("locations") or ()] or None,
        "areaServed": {"@type": "City", "name": area_served} if area_served else None,
        "knowsLanguage": actor_languages(actor) or None,
    }
    if data["telephone"] and len(data["telephone"]) == 1:
        data["telephone"] = data["telephone"][0]
    return {key: value for key, value in data.items() if value is not None}


def _address(address: Mapping[str, str]) -> dict[str, str]:
    fields = {"@type": "PostalAddress", "streetAddress": address.get("address_1"),
              "postalCode": address.get("postal_code"), "addressLocality": address.get("city"),
              "addressCountry": address.get("country", "FI")}
    return {key: value for key, value in fields.items() if value}


def script_json(data: Any) -> str:
    """JSON that cannot close its <script> element or open a comment: < > & become \\u escapes.
    U+2028/2029 are escaped too, for readers that treat the block as JavaScript."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text
