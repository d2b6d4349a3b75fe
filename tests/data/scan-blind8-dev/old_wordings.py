"""Match Stormpath developerMessages found in the 2014-2016 audit archive.

The archive stored only the text, and the backend changed several wordings in
June 2016, so both the old and the new text have to be recognised.
"""
import re

ARCHIVE_YEARS = range(2014, 2018)
MAX_LINE = 8192
WORKERS = 16

REASONS = {
    # account store targeting (old text, pre-2016-06)
    "The specified application account store reference is invalid: the specified "
    "account store is not one of the application's assigned account stores.": "store_not_assigned",
    # org-to-org mapping (old text had a typo, kept as the server sent it)
    "An organization can not an account store for another organization.": "org_in_org",
    # directory conversion (2015 docs wording)
    "This directory cannot be converted to an external provider directory.": "no_convert",
    # seen on the account search page
    "modifiedAt query criteria parameter value is invalid or an unexpected type.": "bad_query_param",
}

PATTERNS = [
    # generic: other products use this too, too vague to attribute
    (re.compile(r"password is incorrect", re.I), "bad_password_generic"),
]


def reason_for(text):
    text = text.strip()[:MAX_LINE]
    if text in REASONS:
        return REASONS[text]
    for rx, reason in PATTERNS:
        if rx.search(text):
            return reason
    return None
