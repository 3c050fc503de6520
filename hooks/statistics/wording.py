"""What the site says around a chart, in each language (the figures and their labels are
in data/statistics/)."""
from __future__ import annotations

VALUE_HEADING = {
    "persons": {"sv": "Personer", "fi": "Henkilöä", "en": "People"},
    "percent": {"sv": "Andel", "fi": "Osuus", "en": "Share"},
}
PERSONS = {"sv": "{n} personer", "fi": "{n} henkilöä", "en": "{n} people"}
TABLE_CAPTION = {"sv": "Siffrorna i diagrammet", "fi": "Kaavion luvut", "en": "The figures in the chart"}
CHART_KIND = {"sv": "Liggande stapeldiagram", "fi": "Vaakapylväskaavio", "en": "Horizontal bar chart"}
PERCENT_SCALE = {"sv": "skala 0–100 %", "fi": "asteikko 0–100 %", "en": "scale 0–100%"}
LEFT_OUT = {
    "sv": "Inte med i diagrammet och tabellen, eftersom siffrorna inte går att läsa i källan: {labels}.",
    "fi": "Kaaviosta ja taulukosta puuttuvat, koska lukuja ei voi lukea lähteestä: {labels}.",
    "en": "Not in the chart and the table, because the figures cannot be read in the source: {labels}.",
}
SOURCE = {"sv": "Källa: {name} {date}", "fi": "Lähde: {name} {date}", "en": "Source: {name}, {date}"}
