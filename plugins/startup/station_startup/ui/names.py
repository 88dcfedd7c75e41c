"""What the screens call the catalogue's steps and case types, and the cases' and steps' states.

The catalogue (``resources/catalogue.yaml``) and the services name them in Chinese for the printed papers
and the command line; on screen they go through this plugin's translation like every other word, keyed
by their code, so English mode reads English. A step or case type a park added to its catalogue has no
entry here and shows the catalogue's own name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station.api import QT_TRANSLATE_NOOP

CONTEXT = "StartupNames"
STEPS = {
    "registration": QT_TRANSLATE_NOOP("StartupNames", "Business licence"),
    "invoice": QT_TRANSLATE_NOOP("StartupNames", "Invoices"),
    "social_insurance": QT_TRANSLATE_NOOP("StartupNames", "Social insurance"),
    "bank_account": QT_TRANSLATE_NOOP("StartupNames", "Bank account"),
    "seal": QT_TRANSLATE_NOOP("StartupNames", "Company seal"),
}
CASE_TYPES = {
    "limited_company": QT_TRANSLATE_NOOP("StartupNames", "Limited company"),
    "sole_proprietorship": QT_TRANSLATE_NOOP("StartupNames", "Sole proprietorship"),
    "partnership": QT_TRANSLATE_NOOP("StartupNames", "Partnership"),
    "branch": QT_TRANSLATE_NOOP("StartupNames", "Branch office"),
}
STEP_STATES = {
    "waiting": QT_TRANSLATE_NOOP("StartupNames", "Waiting for the business licence"),
    "in_progress": QT_TRANSLATE_NOOP("StartupNames", "In progress"),
    "blocked": QT_TRANSLATE_NOOP("StartupNames", "Blocked"),
    "done": QT_TRANSLATE_NOOP("StartupNames", "Finished"),
}
CASE_STATES = {
    "open": QT_TRANSLATE_NOOP("StartupNames", "In progress"),
    "closed": QT_TRANSLATE_NOOP("StartupNames", "Finished"),
}

GRADES = {
    5: QT_TRANSLATE_NOOP("StartupNames", "Very satisfied"),
    4: QT_TRANSLATE_NOOP("StartupNames", "Satisfied"),
    3: QT_TRANSLATE_NOOP("StartupNames", "Fairly satisfied"),
    2: QT_TRANSLATE_NOOP("StartupNames", "Dissatisfied"),
    1: QT_TRANSLATE_NOOP("StartupNames", "Very dissatisfied"),
}
RATING_STAGES = {
    "apply": QT_TRANSLATE_NOOP("StartupNames", "Application"),
    "accept": QT_TRANSLATE_NOOP("StartupNames", "Acceptance"),
    "complete": QT_TRANSLATE_NOOP("StartupNames", "Completion"),
}
ANSWER_STEPS = {
    "verify": QT_TRANSLATE_NOOP("StartupNames", "Verification"),
    "rectify": QT_TRANSLATE_NOOP("StartupNames", "Rectification"),
    "revisit": QT_TRANSLATE_NOOP("StartupNames", "Revisit"),
}


def _name(table: dict[str, str], code: str, fallback: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else fallback


def step(code: str, fallback: str) -> str:
    return _name(STEPS, code, fallback)


def case_type(code: str, fallback: str) -> str:
    return _name(CASE_TYPES, code, fallback)


def step_state(code: str, fallback: str) -> str:
    return _name(STEP_STATES, code, fallback)


def case_state(code: str, fallback: str) -> str:
    return _name(CASE_STATES, code, fallback)


def grade(value: int, fallback: str) -> str:
    source = GRADES.get(value)
    return QCoreApplication.translate(CONTEXT, source) if source else fallback


def rating_stage(code: str, fallback: str) -> str:
    return _name(RATING_STAGES, code, fallback)


def answer_step(code: str) -> str:
    from station_startup.ratings import ANSWER_STEPS as CHINESE

    return _name(ANSWER_STEPS, code, CHINESE.get(code, code))


def limit(text: str) -> str:
    """A case's time limit as stored ("4个工作小时") in the screen's language."""
    from station.api import UserError
    from station_startup import services

    try:
        found = services.parse_limit_text(text)
    except UserError:
        return text
    amount = f"{found.amount:g}"
    if found.unit == "hours":
        return QCoreApplication.translate("StartupNames", "%1 working hours").replace("%1", amount)
    return QCoreApplication.translate("StartupNames", "%1 working days").replace("%1", amount)
