"""What the site itself says around the goals, in each language (the programme's own text
is in data/goals.yml)."""
from __future__ import annotations

GOAL = {"sv": "Mål {n}", "fi": "Tavoite {n}", "en": "Goal {n}"}

TABLE_CAPTION = {
    "sv": "Mål {n}: tyngdpunkter, åtgärder, indikatorer och ansvar",
    "fi": "Tavoite {n}: painopisteet, toimenpiteet, mittarit ja vastuutahot",
    "en": "Goal {n}: focus areas, measures, indicators and responsibility",
}

UNCERTAIN_TITLE = {"sv": "Oläsligt i källan", "fi": "Lukukelvoton lähteessä", "en": "Illegible in the source"}
UNCERTAIN_INTRO = {
    "sv": "Tabellens kolumner är sammanblandade i den skannade källan, och {rows} kan inte återges med full säkerhet:",
    "fi": "Taulukon sarakkeet ovat sekoittuneet skannatussa lähteessä, eikä {rows} voida esittää täysin varmasti:",
    "en": "The table's columns are mixed up in the scanned source, and {rows} cannot be reproduced with full "
          "certainty:",
}
ROW_COUNT = {
    "sv": {1: "en rad", 2: "två rader", 3: "tre rader", "n": "{n} rader"},
    "fi": {1: "yhtä riviä", 2: "kahta riviä", 3: "kolmea riviä", "n": "{n} riviä"},
    "en": {1: "one row", 2: "two rows", 3: "three rows", "n": "{n} rows"},
}
ROW_NAMED = {"sv": "Raden ”{name}”", "fi": "Rivi ”{name}”", "en": "The row “{name}”"}
UNCERTAIN_MARK = {
    "sv": "Osäker återgivning: se anmärkningen under tabellen",
    "fi": "Epävarma tulkinta: katso huomautus taulukon alla",
    "en": "Uncertain reading: see the note below the table",
}

GOAL_PAGE_LINK = {
    "sv": "Mål {n} och uppföljningen år för år",
    "fi": "Tavoite {n} ja sen seuranta vuosittain",
    "en": "Goal {n} and its follow-up year by year",
}
GOAL_PAGE_INTRO = {
    "sv": "Målet hör till [kapitel 5]({chapter}) i programmet. Invandrarkommittén följer årligen upp hur "
          "integrationen framskrider och rapporterar om genomförandet av programmet till styrgruppen för "
          "främjande av hälsa och välfärd.",
    "fi": "Tavoite kuuluu ohjelman [lukuun 5]({chapter}). Maahanmuuttajatyöryhmä seuraa vuosittain, miten "
          "kotoutuminen etenee, ja raportoi ohjelman toteutumisesta hyvinvoinnin ja terveyden edistämisen "
          "ohjausryhmälle.",
    "en": "This goal is part of [chapter 5]({chapter}) of the programme. The Immigrant Committee monitors the "
          "progress of integration every year and reports on the implementation of the programme to the "
          "steering group for the promotion of health and wellbeing.",
}

FOLLOW_UP_HEADING = {"sv": "Uppföljning år för år", "fi": "Seuranta vuosittain", "en": "Follow-up year by year"}
FOLLOW_UP_NONE = {
    "sv": "Ingen uppföljning av det här målet har ännu förts in på webbplatsen.",
    "fi": "Tämän tavoitteen seurantaa ei ole vielä kirjattu verkkosivustolle.",
    "en": "No follow-up of this goal has been entered on this website yet.",
}
FOLLOW_UP_CAPTION = {"sv": "Uppföljning av mål {n}", "fi": "Tavoitteen {n} seuranta", "en": "Follow-up of goal {n}"}
FOLLOW_UP_COLUMNS = {
    "sv": ("År", "Läge", "Anteckning", "Siffra för indikatorn"),
    "fi": ("Vuosi", "Tilanne", "Huomautus", "Mittarin luku"),
    "en": ("Year", "Status", "Note", "Indicator figure"),
}
STATUS = {
    "sv": {"not_started": "Inte påbörjad", "in_progress": "Pågår", "done": "Genomförd", "dropped": "Slopad"},
    "fi": {"not_started": "Ei aloitettu", "in_progress": "Käynnissä", "done": "Toteutettu", "dropped": "Luovuttu"},
    "en": {"not_started": "Not started", "in_progress": "In progress", "done": "Done", "dropped": "Dropped"},
}
IN_SWEDISH = {"fi": "ruotsiksi", "en": "in Swedish"}


def goal_heading(number: int, title: str, lang: str) -> str:
    return f"{GOAL[lang].format(n=number)}: {title}"


def row_count(count: int, lang: str) -> str:
    words = ROW_COUNT[lang]
    return words.get(count) or words["n"].format(n=count)
