from .contacts import (
    COUNTY_LABEL,
    VERIFY_AFTER_DAYS,
    Contact,
    CountyPart,
    HttpsURLField,
    NorrbusBody,
    Situation,
)
from .pages import DirectoryIndexPage, LocalRoutinePage, MunicipalityPage

__all__ = [
    "COUNTY_LABEL",
    "VERIFY_AFTER_DAYS",
    "Contact",
    "CountyPart",
    "DirectoryIndexPage",
    "HttpsURLField",
    "LocalRoutinePage",
    "MunicipalityPage",
    "NorrbusBody",
    "Situation",
]
