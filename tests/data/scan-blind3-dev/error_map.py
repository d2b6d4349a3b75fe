# -*- coding: utf-8 -*-
"""Error tables for the account import tool."""

# Stormpath error codes -> short text shown in the import report
STORMPATH_ERRORS = {
    2002: 'Invalid value',
    2006: 'Invalid format',
    3000: 'Custom data: empty property name',
    3001: 'Custom data: property name too long',
    3004: 'Custom data: value over 10 MB',
    7500: 'Accounts already linked',
    7501: 'Cannot link an account to itself',
    7502: 'Malformed link request',
}

# MySQL client errors from the legacy user table (not Stormpath)
MYSQL_ERRORS = {
    1045: 'Access denied',
    1062: 'Duplicate entry',
    2003: "Can't connect to MySQL server",
    2006: 'MySQL server has gone away',
}

BATCH_SIZE = 500
REPORT_COLUMNS = 12


def describe(source, code):
    table = STORMPATH_ERRORS if source == 'stormpath' else MYSQL_ERRORS
    return table.get(code, 'Unknown error %d' % code)
