"""The queries from the search issue's first paragraph, and what must come in the top three.

An expectation starting with "/" is an address prefix (so a routine's steps count for the
routine); anything else is part of the result's title.
"""

ISSUE_QUERIES = {
    "BUP": ["/aktorer/specialistvard/", "Barn- och ungdomspsykiatri", "BUP-linjen"],
    "norbus": ["/om-norrbus/", "/overenskommelsen/2025/", "/rutiner/norrbusmotet/"],
    "avvikelserapportering": ["/rutiner/avvikelsehantering/", "#avvikelsehantering"],
    "vem kallar till mötet": ["/rutiner/norrbusmotet/", "/overenskommelsen/2025/#kallelse"],
    "socialjour Kalix": ["Socialjouren, Östra Norrbotten"],
}


def matches(hit, expectations) -> bool:
    for expected in expectations:
        if expected.startswith("/") and hit.url.startswith(expected):
            return True
        if expected.startswith("#") and hit.url.endswith(expected):
            return True
        if not expected.startswith(("/", "#")) and expected.casefold() in hit.title.casefold():
            return True
    return False


def found_in_top_three(outcome, expectations) -> bool:
    return any(matches(hit, expectations) for hit in outcome.hits[:3])
