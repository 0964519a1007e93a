"""attribution: who said what in the news.

Stages (one module each, data flows one way):
read -> parse -> quotes -> extract -> resolve -> graph / report / audit / compare / store.
"""

__version__ = "0.1.0"
