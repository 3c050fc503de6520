"""What the reader sees, in the page's language: the compliance report, the period-ended
notice and the accessibility feedback channel.

Only the wording lives here; what is covered and what is missing comes from checks.py.
"""
from __future__ import annotations

import posixpath
from datetime import date
from urllib.parse import urlsplit

from hooks.compliance.checks import Assessment, ElementStatus
from hooks.repository import Repository
from hooks.site_config import Programme

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")

_T = {
    "sv": {
        "facts": "Uppgifter om programmet", "fact": "Uppgift", "value": "Värde",
        "municipality": "Kommun", "bilingual": "tvåspråkig kommun", "monolingual": "enspråkig kommun",
        "profile": "Kontrolleras mot", "decision": "Beslut", "not_given": "anges inte i programdokumentet",
        "date": "datum", "section": "paragraf", "period": "Programperiod", "status": "Status",
        "in_force": "I kraft", "period_ended": "Programperioden har gått ut {date}",
        "superseded": "Ersatt av {edition} års upplaga",
        "review": "Nästa översyn", "overdue": "försenad", "edition": "Upplaga",
        "checked": "Kontrollerad", "checked_when": "{date}, när webbplatsen byggdes",
        "required": "Krav", "required_intro": "Om något av dessa saknas på något av webbplatsens språk "
                                              "stoppas bygget, och webbplatsen publiceras inte.",
        "recommended": "Rekommendationer", "recommended_intro": "Om något av dessa saknas ger bygget en "
                                                                "varning, men webbplatsen publiceras.",
        "columns": ("Innehåll", "Rättslig grund", "Säkerhet", "Sidor", "Status"),
        "covered": "Täckt", "missing": "Saknas",
        "missing_in_source": "Saknas i den godkända texten",
        "missing_in_source_intro": "Det som saknas i själva texten, så som den godkändes, stoppar inte "
                                   "bygget: texten publiceras som den är, och raden visar bristen.", "not_covered": "Rekommendationen är inte täckt",
        "by_build": "Kontrolleras vid varje bygge", "met": "Uppfyllt", "not_applicable": "Gäller inte",
        "statute": "lagtext", "guidance": "vägledning",
        "legend": "**Säkerhet:** V = läst i den angivna källan, S = endast sekundär källa, U = overifierad "
                  "och ska kontrolleras i Finlex. *Lagtext* betyder att det är lagen som säger det, "
                  "*vägledning* att det är officiell vägledning som säger det.",
        "notice": "Giltighetsperioden {period} tog slut {date}. Texten publiceras här som den senaste "
                  "som webbplatsen har tillgång till.",
        "feedback_issues": "Du kan ge respons om tillgängligheten genom att öppna ett ärende i projektets "
                           "ärendehantering: {link}. För det behövs ett användarkonto hos tjänsten. Om du inte "
                           "har något konto kan du vända dig till utgivaren, {publisher}{website}.",
        "feedback_publisher": "Respons om tillgängligheten tas emot av utgivaren, {publisher}{website}.",
    },
    "fi": {
        "facts": "Tiedot ohjelmasta", "fact": "Tieto", "value": "Arvo",
        "municipality": "Kunta", "bilingual": "kaksikielinen kunta", "monolingual": "yksikielinen kunta",
        "profile": "Tarkistetaan", "decision": "Päätös", "not_given": "ei mainita ohjelma-asiakirjassa",
        "date": "päivämäärä", "section": "pykälä", "period": "Ohjelmakausi", "status": "Tila",
        "in_force": "Voimassa", "period_ended": "Ohjelmakausi on päättynyt {date}",
        "superseded": "Korvattu vuoden {edition} laitoksella",
        "review": "Seuraava tarkistus", "overdue": "myöhässä", "edition": "Painos",
        "checked": "Tarkistettu", "checked_when": "{date}, kun sivusto koottiin",
        "required": "Vaatimukset", "required_intro": "Jos jokin näistä puuttuu jollakin sivuston kielellä, "
                                                     "kokoaminen keskeytyy eikä sivustoa julkaista.",
        "recommended": "Suositukset", "recommended_intro": "Jos jokin näistä puuttuu, kokoaminen antaa "
                                                           "varoituksen, mutta sivusto julkaistaan.",
        "columns": ("Sisältö", "Oikeusperusta", "Varmuus", "Sivut", "Tila"),
        "covered": "Katettu", "missing": "Puuttuu",
        "missing_in_source": "Puuttuu hyväksytystä tekstistä",
        "missing_in_source_intro": "Se, mikä puuttuu itse tekstistä sellaisena kuin se hyväksyttiin, ei "
                                   "keskeytä kokoamista: teksti julkaistaan sellaisenaan, ja rivi näyttää "
                                   "puutteen.", "not_covered": "Suositusta ei ole katettu",
        "by_build": "Tarkistetaan jokaisella kokoamisella", "met": "Täyttyy", "not_applicable": "Ei koske",
        "statute": "lakiteksti", "guidance": "ohjeistus",
        "legend": "**Varmuus:** V = luettu mainitusta lähteestä, S = vain toissijainen lähde, U = varmistamaton, "
                  "tarkistettava Finlexistä. *Lakiteksti* tarkoittaa, että asia sanotaan laissa, *ohjeistus*, "
                  "että asia sanotaan virallisessa ohjeistuksessa.",
        "notice": "Voimassaolokausi {period} päättyi {date}. Teksti julkaistaan tässä viimeisimpänä, "
                  "joka sivustolla on käytettävissä.",
        "feedback_issues": "Voit antaa palautetta saavutettavuudesta avaamalla uuden asian projektin "
                           "asianhallinnassa: {link}. Siihen tarvitaan käyttäjätili palvelussa. Jos sinulla ei "
                           "ole tiliä, voit ottaa yhteyttä julkaisijaan: {publisher}{website}.",
        "feedback_publisher": "Saavutettavuuspalautetta ottaa vastaan julkaisija: {publisher}{website}.",
    },
    "en": {
        "facts": "About the programme", "fact": "Fact", "value": "Value",
        "municipality": "Municipality", "bilingual": "bilingual municipality",
        "monolingual": "monolingual municipality",
        "profile": "Checked against", "decision": "Decision", "not_given": "not given in the programme document",
        "date": "date", "section": "section", "period": "Programme period", "status": "Status",
        "in_force": "In force", "period_ended": "The programme period ended on {date}",
        "superseded": "Superseded by the {edition} edition",
        "review": "Next review", "overdue": "overdue", "edition": "Edition",
        "checked": "Checked", "checked_when": "{date}, when the site was built",
        "required": "Requirements", "required_intro": "If any of these is missing in any of the site's "
                                                      "languages, the build stops and the site is not published.",
        "recommended": "Recommendations", "recommended_intro": "If any of these is missing, the build gives a "
                                                               "warning, but the site is published.",
        "columns": ("Content", "Legal basis", "Certainty", "Pages", "Status"),
        "covered": "Covered", "missing": "Missing",
        "missing_in_source": "Missing from the approved text",
        "missing_in_source_intro": "What is missing from the text itself, as it was approved, does not stop "
                                   "the build: the text is published as it is, and the row shows the gap.", "not_covered": "Recommendation not covered",
        "by_build": "Checked by every build", "met": "Met", "not_applicable": "Does not apply",
        "statute": "statute", "guidance": "guidance",
        "legend": "**Certainty:** V = read in the cited source, S = secondary source only, U = unverified, to be "
                  "checked on Finlex. *Statute* means the Act says so, *guidance* that official guidance says so.",
        "notice": "The period of validity {period} ended on {date}. The text is published here as the most "
                  "recent one available to this site.",
        "feedback_issues": "You can give feedback on accessibility by opening an issue in the project's issue "
                           "tracker: {link}. This needs a user account with the service. If you do not have one, "
                           "contact the publisher: {publisher}{website}.",
        "feedback_publisher": "Feedback on accessibility goes to the publisher: {publisher}{website}.",
    },
}


def format_date(day: date, lang: str) -> str:
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}" if lang == "en" else f"{day.day}.{day.month}.{day.year}"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def status_notice(programme: Programme, lang: str) -> str | None:
    """The sentence every page shows once the programme period has ended; None while it is in force,
    and None on a superseded edition, whose pages already say so in the older-edition banner."""
    if programme.status != "period_ended":
        return None
    return _T[lang]["notice"].format(period=programme.period, date=format_date(programme.period_end_date, lang))


def render_feedback(repository: Repository | None, programme: Programme, lang: str) -> str:
    t = _T[lang]
    site = programme.publisher_website
    website = f" ([{urlsplit(site).netloc or site}]({site}))" if site else ""
    if repository is None:
        return t["feedback_publisher"].format(publisher=programme.publisher[lang], website=website)
    return t["feedback_issues"].format(link=f"<{repository.feedback_url}>", publisher=programme.publisher[lang],
                                       website=website)


def _facts(assessment: Assessment, lang: str) -> list[str]:
    t, p = _T[lang], assessment.programme
    decision = [p.council.body[lang],
                f"{t['date']}: {format_date(p.council.date, lang) if p.council.date else t['not_given']}",
                f"{t['section']}: {'§ ' + p.council.section if p.council.section else t['not_given']}"]
    status = {"in_force": t["in_force"],
              "period_ended": t["period_ended"].format(date=format_date(p.period_end_date, lang)),
              "superseded": t["superseded"].format(edition=p.superseded_by)}[p.status]
    review = format_date(p.next_review, lang) + (f" – **{t['overdue']}**" if assessment.review_overdue else "")
    rows = [
        (t["municipality"], f"{p.municipality[lang]} ({t['bilingual'] if p.bilingual else t['monolingual']})"),
        (t["profile"], assessment.profile.title[lang]),
        (t["decision"], "; ".join(decision)),
        (t["period"], p.period),
        (t["status"], status),
        (t["review"], review),
        (t["edition"], p.edition),
        (t["checked"], t["checked_when"].format(date=format_date(assessment.build_date, lang))),
    ]
    return [f"## {t['facts']} {{#programme-facts}}", "", f"| {t['fact']} | {t['value']} |", "|---|---|",
            *(f"| {_cell(name)} | {_cell(value)} |" for name, value in rows), ""]


def _pages(status: ElementStatus, lang: str, from_page: str) -> str:
    refs = status.covered_by.get(lang, ())
    links = []
    for ref in refs:
        target = posixpath.relpath(ref.page.name, posixpath.dirname(from_page) or ".")
        text = f"{ref.page.title} – {ref.heading}" if ref.heading else ref.page.title
        links.append(f"[{_cell(text)}]({target}{'#' + ref.anchor if ref.anchor else ''})")
    return "<br>".join(links) or "–"


def _row(status: ElementStatus, lang: str, from_page: str, missing_in_source: tuple[str, ...]) -> str:
    t, element = _T[lang], status.element
    label = element.label[lang] + (f"<br><small>{element.note[lang]}</small>" if element.note else "")
    certainty = f"{element.certainty} · {t[element.source]}"
    if not status.applies:
        pages, state = "–", t["not_applicable"]
    elif element.check != "covers":
        pages, state = t["by_build"], t["met"]
    else:
        pages = _pages(status, lang, from_page)
        state = (t["covered"] if status.covered(lang)
                 else t["missing_in_source"] if element.id in missing_in_source
                 else t["missing"] if element.required else t["not_covered"])
    return "| " + " | ".join(_cell(c) for c in (label, element.basis.text(lang), certainty, pages, state)) + " |"


def render_report(assessment: Assessment, lang: str, from_page: str) -> str:
    """The compliance page's generated part, as Markdown for a page at from_page (e.g. "lagkrav.md")."""
    t = _T[lang]
    out = _facts(assessment, lang)
    for severity, anchor in (("required", "requirements"), ("recommended", "recommendations")):
        statuses = [s for s in assessment.statuses if s.element.severity == severity]
        if not statuses:
            continue
        intro = t[f"{severity}_intro"]
        if severity == "required" and assessment.programme.missing_in_source:
            intro += " " + t["missing_in_source_intro"]
        out += [f"## {t[severity]} {{#{anchor}}}", "", intro, "",
                "| " + " | ".join(t["columns"]) + " |", "|---|---|---|---|---|",
                *(_row(s, lang, from_page, assessment.programme.missing_in_source) for s in statuses), ""]
    out += [t["legend"], ""]
    return "\n".join(out)
