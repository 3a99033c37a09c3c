"""Word lists that copylint's own reading of news copy relies on.

They are Python constants, not data files: every run needs them, and a compiled module
is read in microseconds where a YAML file costs its parser's import.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The news-copy sentence splitter (copylint/sentences.py). Entries are written without
# their final period; matching is case-sensitive.

TITLES = _words(
    """
Mr Mrs Ms Messrs Mmes Dr Prof Rev Hon Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Brig
Sen Sens Rep Reps Gov Govs Atty Supt Det Insp Fr Sra Mme Mlle St Ste Pres Amb v
"""
)
"""Titles and ranks, always followed by a name, and "v" of case names ("Roe v. Wade"):
never the end of a sentence."""

BEFORE_NUMBERS = _words(
    """
No Nos Vol Vols Fig Figs Art Arts Sec Ch Chap Ex p pp para Jan Feb Mar Apr Jun Jul
Aug Sep Sept Oct Nov Dec approx est ca c
"""
)
"""Abbreviations that stand before a number: "No. 2", "Jan. 5", "Fig. 3", "Vol. 12"."""

CAN_END_SENTENCE = _words(
    """
Inc Corp Co Cos Ltd Plc LLC Bros Jr Sr etc vs al Ave Blvd Rd Mt Ft Dept Univ Assn
Intl Natl Govt Esq
"""
)
"""Abbreviations that may close a sentence: the sentence ends only when the next word
is one that usually starts a sentence (``SENTENCE_STARTERS``)."""

SENTENCE_STARTERS = _words(
    """
A An And After Also As At But By During For He Her His However I If In It Its
Meanwhile Most No Now On Once One Our She So Some That The Their Then There These
They This Those Though To Under Until We What When Where While Who Why With Yet You
"""
)
"""Words that, capitalised, usually begin a sentence."""

ATTRIBUTION_VERBS = _words(
    """
said says asked asks added adds told tells wrote writes replied replies explained
explains noted notes continued continues insisted insists argued argues declared
declares shouted recalled recalls warned warns stated states answered answers
responded responds acknowledged admitted conceded countered observed remarked posted
tweeted whispered cried
"""
)
"""Verbs of attribution: a quotation closed by ".”" or "?”" and followed by a speaker
and one of these verbs is a single sentence ("...resign?” Mr. Johnson asked.)."""

# Words that state a fact (copylint/fingerprints.py). Two paragraphs or headlines that
# differ in one of these (or in a figure written in digits) say different things: they
# are not copies.

NUMBER_WORDS = _words(
    """
zero nil two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand million billion trillion dozen half first
second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
twentieth hundredth
"""
)
"""Numbers written out, in any case. "one" is left out: it is far more often a pronoun
("no one", "one of the") than a count."""

CALENDAR_WORDS = _words(
    """
January February March April May June July August September October November
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
"""
)
"""Months and weekdays, counted only when written with a capital ("May", not "may")."""

RELATIVE_DAYS = _words(
    """
today yesterday tomorrow tonight last next previous prior current
"""
)
"""Times named relative to the story's date ("the prior quarter", "last year"), in any
case."""

FUNCTION_WORDS = _words(
    """
a an the and or but nor so yet if than that this these those which who whom whose
what when where while as at by for from in into of on onto out over to with without
about after before between during under through is are was were be been being am has
have had do does did will would shall should can could may might must it its he him
his she her they them their we us our you your i me my not no there here said says
"""
)
"""Words that make a line read as prose rather than as a row of figures
(copylint/documents/tables.py): articles, prepositions, pronouns, auxiliaries and
conjunctions. A data line ("Shr 1.88 dlrs vs 71 cts") has few or none; "Halo 2 is out
on 9 November in the US" has many."""
