"""Name keys: when two mentions, written by different outlets, name the same source.

Three layers, each a pure function:

- ``typo``: the text with one apostrophe, one dash, no accents and lower case
  (``Ivey’s`` = ``Ivey's``, ``Sébastien`` = ``Sebastien``);
- ``phonetic``: a transliteration key of one word, built from sound classes rather
  than letters, so that the spellings of one name in French, English and German
  press agree (``Poutine`` = ``Putin``, ``Mohamed`` = ``Muhammad``, ``Chia`` =
  ``Shia``, ``Soudani`` = ``Sudani``, ``Zelensky`` = ``Zelenskyy`` = ``Zelenski``);
- ``parse``: a mention split into what may precede a name (determiners, titles,
  portfolios, demonyms: ``U.S. Secretary of State``) and the name itself
  (``Rex Tillerson``), or read as a description (``le Premier ministre irakien``)
  when no name ends it.

``same_source`` then decides, conservatively, whether two mentions name one source,
and says why (the reason kept with every corpus merge):

- two names: surname keys equal and given names compatible (equal keys, an initial,
  a nickname, or absent on one side: ``Chia al-Soudani`` = ``Mohammed Shia al-Sudani``,
  never ``Joe Biden`` = ``Hunter Biden``);
- an acronym and the initials of a name (``EI`` = ``Etat islamique``);
- two descriptions of a person (a role): the same words and the same country
  (``le Premier ministre irakien`` is never ``le Premier ministre israélien``);
- two descriptions of a body: one is the other plus modifiers, with the same head
  (``coalition internationale`` = ``coalition internationale antiterroriste``);
  an office is never its head (``les services du Premier ministre`` is linked to
  ``le Premier ministre``, not merged with it);
- a country conflict vetoes every match.

The words live in ``attribution/lang/names.json``; country words come from the
sources lexicons.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from ..lang import SourceLexicon, load_sources
from ..text import norm

__all__ = ["Parsed", "Verdict", "initials", "is_acronym", "parse", "phonetic", "same_source", "typo"]

_GLYPHS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'", "＇": "'",
                         "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
                         "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_ELISION = re.compile(r"^([ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(?=\w)", re.IGNORECASE)
_EDGE = ".,;:!?()[]{}\"«»"
_ASIDE = re.compile(r"\([^()]*\)(?=\s*\w)|\[[^\[\]]*\](?=\s*\w)")  # not at the end: "RSF (Rapid Support Forces)"
# one spelling of each sound, in order: longer spellings first so that "tch" is read before "ch"
_SOUNDS = (
    (re.compile(r"t?sch|tch|ch|sh|sz|cz"), "S"),  # French ch, English sh, German sch, Polish cz: one hushing sound
    (re.compile(r"dzh|zh|dj"), "j"),  # Joukov = Zhukov, Abdelmadjid = Abdelmajid
    (re.compile(r"kh"), "h"),  # Khamenei, Khrouchtchev: a soft velar, often written h
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"dh"), "d"),  # Kadhafi
    (re.compile(r"gh"), "g"),
    (re.compile(r"gu(?=[eiy])"), "g"),  # Sergueï = Sergei
    (re.compile(r"g"), "k"),  # Kadhafi = Gaddafi: Arabic qaf is written g, k or q
    (re.compile(r"qu|ck|q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"w"), "u"),  # Sinwar = Sinouar, Walid = Oualid: French writes the Arabic w "ou"
    (re.compile(r"z"), "s"),  # Selenskyj = Zelensky: voicing differs between languages' spellings
    (re.compile(r"ou|oo|o|u"), "U"),  # Poutine = Putin, Mohamed = Muhammad
    (re.compile(r"[iyj]"), "I"),  # Zelenskyy = Zelenskij = Zelenski, Benyamin = Benjamin
    (re.compile(r"[ae]"), "A"),  # Mohamed = Mohammad, Abbès = Abbas
    (re.compile(r"h"), ""),  # Ahmed = Ahmad = Amed: h is mute in French and dropped by some transliterations
)
_SILENT_E = re.compile(r"(?<=[^aeiouy])e$")  # Poutine, Salmane: the French final e that English spelling lacks


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]
    portfolios: frozenset[str]
    determiners: frozenset[str]
    function: frozenset[str]
    particles: frozenset[str]
    arabic: frozenset[str]
    patronymics: frozenset[str]
    org_suffixes: frozenset[str]
    nicknames: dict[str, str]


@cache
def _words() -> _Words:
    # the one word list shared by every language: titles and name particles cross languages in news
    raw = json.loads(resources.files("attribution.lang").joinpath("names.json").read_text(encoding="utf-8"))

    def keys(name: str) -> frozenset[str]:
        return frozenset(typo(w) for w in raw[name])
    return _Words(keys("titles"), keys("portfolios"), keys("determiners"), keys("function_words"),
                  keys("name_particles"), keys("arabic_articles"), keys("patronymics"), keys("org_suffixes"),
                  {typo(k): typo(v) for k, v in raw["nicknames"].items()})


@cache
def _country_lexicons() -> tuple[SourceLexicon, ...]:
    return tuple(load_sources(lang) for lang in ("fr", "en"))


@lru_cache(maxsize=1 << 16)
def typo(text: str) -> str:
    """Lower case, one apostrophe and one dash glyph, no accents, single spaces."""
    t = unicodedata.normalize("NFKC", text).translate(_GLYPHS)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return " ".join(t.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").lower().split())


@lru_cache(maxsize=1 << 16)
def phonetic(word: str) -> str:
    """The transliteration key of one word: sound classes, doubled letters once, no silent final e."""
    w = re.sub(r"[^a-z0-9]", "", typo(word))
    if len(w) > 3:
        w = _SILENT_E.sub("", w)
    for pattern, repl in _SOUNDS:
        w = pattern.sub(repl, w)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=1 << 16)
def country_of(word: str) -> str | None:
    """The country code a word names or qualifies (``irakienne``, ``Iraqi``, ``U.S.``, ``Irak``), if any."""
    low = norm(word)
    for lex in _country_lexicons():
        for cand in (low, low + "."):  # "U.S" once the sentence's full stop is gone
            code = lex.demonym(cand) or lex.countries.get(cand) or _folded_places(lex.lang).get(typo(cand))
            if code is not None:
                return code
    return None


@lru_cache(maxsize=1 << 16)
def is_place_or_institution(word: str) -> bool:
    """A capitalised word that names a country or an institution, never a person (``Pentagone``, ``Irak``)."""
    low = norm(word)
    # not capitals: a capital is also a given name ("Riyad al-Maliki") or a surname ("Denzel Washington")
    return country_of(word) is not None or any(low in lex.institutions for lex in _country_lexicons())


@cache
def _folded_places(lang: str) -> dict[str, str]:
    """Demonyms and countries without accents: outlets do not all write them ("israelien")."""
    lex = load_sources(lang)
    return {typo(k): v for table in (lex.demonyms, lex.countries) for k, v in table.items()}


@cache
def _office_words() -> frozenset[str]:
    """Nouns of an office or a document (``bureau``, ``services``, ``communiqué``), in either language."""
    return frozenset(typo(w) for lex in _country_lexicons() for w in lex.office_nouns | lex.document_nouns)


# -- parsing a mention -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    text: str  # as written, glyphs normalised
    low: str  # typo-folded
    comma: bool = False  # a comma follows: the end of an apposition ("le porte-parole du Kremlin, Dmitri Peskov")

    @property
    def capital(self) -> bool:
        core = self.text.split("-")[-1] if self._article_prefix() else self.text
        return core[:1].isupper()

    def _article_prefix(self) -> bool:
        head, sep, _ = self.low.partition("-")
        return bool(sep) and head in _words().arabic

    @property
    def core(self) -> str:
        """The word without its glued Arabic article (``al-Soudani`` -> ``Soudani``)."""
        return self.text.split("-", 1)[1] if self._article_prefix() else self.text

    @property
    def initial(self) -> bool:
        return bool(re.fullmatch(r"[A-Za-z]\.?", self.core))


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    # an aside in brackets ("l'Organisation mondiale de la santé (OMS) Tedros ...") is neither name nor title
    for raw in _ASIDE.sub(" ", unicodedata.normalize("NFKC", text).translate(_GLYPHS)).split():
        m = _ELISION.match(raw)
        parts = [raw[: m.end()], raw[m.end():]] if m else [raw]
        for p in parts:
            if p.endswith("'s") and len(p) > 2:  # the English possessive: "Ivey's" names Ivey's
                p = p[:-2] + "s"
            comma = p.rstrip(_EDGE.replace(",", "")).endswith(",")
            p = p.strip(_EDGE) if len(p) > 2 or not p.endswith(".") else p
            if p and any(c.isalnum() for c in p):
                out.append(Token(p, typo(p), comma))
    return tuple(out)


@dataclass(frozen=True)
class Parsed:
    """A mention read for linking."""

    text: str
    kind: str  # name | description
    name: str = ""  # the name's words as written, titles and determiners aside (names only)
    given: tuple[Token, ...] = ()  # the name's given names (names only)
    surname: str = ""  # the surname's key, with a patronymic ("bin salman") kept in it
    full: str = ""  # every word of the name, one key: spacing and hyphens aside
    words: tuple[str, ...] = ()  # a description's content-word keys, in order
    countries: frozenset[str] = frozenset()
    titled: bool = False  # titles stood before the name

    @property
    def head(self) -> str:
        """The key of the first word: of the name, or of the description's content words."""
        if self.kind == "name":
            toks = _tokens(self.name)
            return phonetic(toks[0].core) if toks else ""
        return self.words[0] if self.words else ""


def _is_title(t: Token, w: _Words) -> bool:
    parts = t.low.rstrip(".").split("-")
    return t.low in w.titles or all(x in w.titles for x in parts)  # "Director-General"


def _name_like(t: Token, w: _Words, after_title: bool) -> bool:
    """Can the word be part of a name? A portfolio can not when a title precedes it ("ministre de la Culture")."""
    return t.capital and not _is_title(t, w) and not (after_title and t.low in w.portfolios)


@lru_cache(maxsize=1 << 16)
def parse(text: str) -> Parsed:
    """Split a mention into its name (if it ends with one) or its description words."""
    w = _words()
    toks = list(_tokens(text))
    while toks and toks[0].low in w.determiners and len(toks) > 1:
        toks = toks[1:]
    # the name is the capitalised run that ends the mention, particles inside it included
    start = len(toks)
    while start > 0:
        t = toks[start - 1]
        if t.comma and start < len(toks):
            break  # the comma closes what stands before the name
        if is_place_or_institution(t.text) and start < len(toks):
            break  # "du Pentagone Sabrina Singh": a place or an institution is never part of a person's name
        # a portfolio is an office's complement after a title, or what is left of one at the start ("State Rex ...")
        after_title = start == 1 or any(_is_title(x, w) for x in toks[: start - 1])
        if _name_like(t, w, after_title) or (start < len(toks) and (t.low in w.particles or t.low in w.patronymics)):
            start -= 1
        else:
            break
    lead = start
    while start < len(toks) and toks[start].low in w.particles and not toks[start].capital:
        start += 1  # "de Donald Trump": the preposition belongs to what precedes
    if lead == 0 and start < len(toks):
        start = 0  # "de Gaulle": nothing precedes the particle, it is the name's
    prefix, run = toks[:start], toks[start:]
    if prefix and typo(prefix[0].core) in _office_words() and any(t.low in w.function for t in prefix):
        run = []  # "le bureau du Premier ministre Keir Starmer", "the office of ...": the office, not its head
    countries = frozenset(c for t in prefix if (c := country_of(t.text)) is not None)
    # a name ends the mention, and what precedes it is apposed (titles, "journaliste indépendant"), not a
    # complement ("porte-parole de Donald Trump" names the spokesperson, not Trump)
    apposed = not prefix or prefix[-1].low not in w.function and (
        prefix[-1].comma or countries or any(_is_title(t, w) or t.low in w.portfolios or phonetic(t.core) in _role_keys()
                                                 for t in prefix))
    if run and apposed:
        return _name(text, prefix, run, countries, w)
    if run and prefix and prefix[-1].low not in w.function and prefix[0].capital:
        return _name(text, [], prefix + run, frozenset(), w)  # "Kataeb Hezbollah": one name, not an apposition
    first = next((n for n, t in enumerate(toks) if t.comma), None)
    if first is not None and not run:
        # "Amar Toualit, le journaliste indépendant": the name comes first, its description after the comma
        head = parse(" ".join(t.text for t in toks[: first + 1]))
        if head.kind == "name":
            tail = frozenset(c for t in toks[first + 1:] if (c := country_of(t.text)) is not None)
            return replace(head, text=text, countries=head.countries | tail, titled=True)
    words = tuple(_content(toks, w))
    countries = frozenset(c for t in toks if (c := country_of(t.text)) is not None)
    return Parsed(text, "description", words=words, countries=countries)


def _content(toks: list[Token], w: _Words) -> list[str]:
    """Content-word keys of a description: function words and country words aside."""
    return [phonetic(t.core) for t in toks if t.low not in w.function and t.low not in w.determiners
            and country_of(t.text) is None and phonetic(t.core)]


def _name(text: str, prefix: list[Token], run: list[Token], countries: frozenset[str], w: _Words) -> Parsed:
    kept = [t for t in run if t.low not in w.particles or t.capital and t.low not in ("al", "el")]
    if not kept:
        kept = run
    last = kept[-1]
    surname = phonetic(last.core)
    given = kept[:-1]
    if given and given[-1].low in w.patronymics and (len(given) > 1 or not given[-1].capital):
        surname = "bin " + surname  # "ben Salmane": the father's name, not a surname of its own
        given = given[:-1]
    given = [t for t in given if t.low not in w.patronymics]
    full = "".join(_given_key(t, w) for t in given) + surname.replace(" ", "")
    return Parsed(text, "name", name=" ".join(t.text for t in run), given=tuple(given), surname=surname, full=full,
                  countries=countries, titled=bool(prefix))


def whole_key(p: Parsed) -> str:
    """One key per way of naming a source in full: two mentions with equal keys are one source, countries aside.

    Names: every word's key (``Kim Jong-un`` = ``Kim Jong Un``, ``Joe Biden`` = ``Joseph Biden``); a person's
    description: its role words in any order; a body's description: its words in order.
    """
    if p.kind == "name":
        return "n:" + p.full
    if p.words and p.words[0] in _role_keys():
        return "r:" + " ".join(sorted(p.words))
    return "b:" + " ".join(p.words)


# -- deciding ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    same: bool
    reason: str  # name | spelling | surname | partial name | acronym | role | modifier | "" when not the same
    detail: str


_NO = Verdict(False, "", "")


def _given_key(t: Token, w: _Words) -> str:
    """The key of a given name, a nickname read as the name it shortens (``Joe`` -> ``Joseph``)."""
    if t.initial:
        return "#" + t.core[0].lower()
    low = typo(t.core)
    return phonetic(w.nicknames.get(low, low))


def _given_match(a: Token, b: Token, w: _Words) -> bool:
    if a.initial or b.initial:
        return a.core[:1].lower() == b.core[:1].lower()
    return _given_key(a, w) == _given_key(b, w)


def given_compatible(a: tuple[Token, ...], b: tuple[Token, ...]) -> bool:
    """Are the given names of one the given names of the other, some left out (``Chia`` in ``Mohamed Chia``)?"""
    w = _words()
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 2 and len(short) != len(long_):
        return False  # who writes two given names writes them all: "George W." is not "George H. W."
    i = 0
    for t in short:
        while i < len(long_) and not _given_match(t, long_[i], w):
            i += 1
        if i == len(long_):
            return False
        i += 1
    return True


def is_acronym(p: Parsed) -> bool:
    """Is the mention one upper-case word of 2 to 7 letters (``EI``, ``U.N.``, ``OTAN``)?"""
    letters = re.sub(r"[^A-Za-z]", "", p.name or p.text)
    # French writes long acronyms as words ("l'Otan", "l'Onu"): any case from three letters
    return 2 <= len(letters) <= 7 and (letters.isupper() or len(letters) >= 3) and len(_tokens(p.name or p.text)) == 1


def initials(p: Parsed) -> str | None:
    """The initials of a name of two words or more, function words aside (``Etat islamique`` -> ``ei``)."""
    w = _words()
    toks = [t for t in _tokens(p.text) if t.low not in w.function and t.low not in w.determiners]
    parts = [x for t in toks for x in t.core.split("-") if x]
    return "".join(typo(x)[0] for x in parts) if len(parts) >= 2 else None


def _acronym(a: Parsed, b: Parsed) -> bool:
    """Is one an acronym made of the other's initials?"""
    return any(is_acronym(x) and initials(y) == re.sub(r"[^a-z]", "", typo(x.name or x.text))
               for x, y in ((a, b), (b, a)))


def _role_head(p: Parsed, roles: frozenset[str]) -> bool:
    return bool(p.words) and p.words[0] in roles


@cache
def _role_keys() -> frozenset[str]:
    """Keys of the words that head a description of a person (roles, titles), in either language."""
    keys = {phonetic(x) for x in _words().titles}
    for lex in _country_lexicons():
        keys |= {phonetic(r.split()[0]) for r in lex.roles}
    return frozenset(k for k in keys if k)


def _subsequence(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    it = iter(long_)
    return all(any(s == x for x in it) for s in short)


def same_source(a: str | Parsed, b: str | Parsed, kind: str | None = None) -> Verdict:
    """Do two mentions name one source? Conservative: a doubt is a no.

    ``kind`` is the sources' type when known: for an ``organization``, a name followed by a body suffix is the same
    body (``Amnesty`` = ``Amnesty International``), which for persons it never is (``Hunter`` is not ``Hunter Biden``).
    """
    pa = a if isinstance(a, Parsed) else parse(a)
    pb = b if isinstance(b, Parsed) else parse(b)
    if pa.countries and pb.countries and not pa.countries & pb.countries:
        return _NO  # "le Premier ministre irakien" is not "le Premier ministre israélien"
    if typo(pa.text) == typo(pb.text):
        return Verdict(True, "name", f"same words: {typo(pa.text)}")
    if pa.kind == pb.kind == "name":
        v = _names(pa, pb)
        if kind == "organization" and v.reason in ("surname", "partial name", ""):
            return _longer_name(pa, pb)  # a body has no surname: "Hezbollah" is not "Kataeb Hezbollah"
        return v
    if _acronym(pa, pb):
        return Verdict(True, "acronym", f"'{pa.text}' and '{pb.text}': an acronym and its initials")
    if pa.kind == pb.kind == "description":
        return _descriptions(pa, pb)
    return _NO


def _names(pa: Parsed, pb: Parsed) -> Verdict:
    if pa.full == pb.full:
        if typo(pa.name) == typo(pb.name):  # only titles, determiners or glyphs differ
            return Verdict(True, "name", f"'{pa.text}' = '{pb.text}' (the same name; titles and glyphs aside)")
        return Verdict(True, "spelling", f"'{pa.text}' = '{pb.text}' (one name, two spellings)")
    if _acronym(pa, pb):
        return Verdict(True, "acronym", f"'{pa.text}' and '{pb.text}': an acronym and its initials")
    if pa.surname != pb.surname or not given_compatible(pa.given, pb.given):
        return _NO
    if not pa.given or not pb.given:
        return Verdict(True, "surname", f"'{pa.text}' and '{pb.text}': the same surname, no given name on one side")
    if len(pa.given) == len(pb.given) and not any(t.initial for t in pa.given + pb.given):
        return Verdict(True, "spelling", f"'{pa.text}' = '{pb.text}' (one name, two spellings)")
    return Verdict(True, "partial name", f"'{pa.text}' and '{pb.text}': the same surname, given names compatible")


def _longer_name(pa: Parsed, pb: Parsed) -> Verdict:
    """A body's name and the same name followed by a company or body suffix (``Amnesty`` / ``Amnesty International``).

    Other words make another body: ``U.N. World Food Program`` is not ``U.N.``.
    """
    ta, tb = _tokens(pa.name), _tokens(pb.name)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    suffixes = _words().org_suffixes
    if short and [phonetic(t.core) for t in long_[: len(short)]] == [phonetic(t.core) for t in short] and \
            len(long_) > len(short) and all(t.low in suffixes for t in long_[len(short):]):
        names = sorted((pa.name, pb.name), key=len)
        return Verdict(True, "modifier", f"'{names[1]}' is '{names[0]}' with more words")
    return _NO


def _descriptions(pa: Parsed, pb: Parsed) -> Verdict:
    if not pa.words or not pb.words:
        return _NO
    roles = _role_keys()
    if _role_head(pa, roles) or _role_head(pb, roles):
        # a person described: the same role words and the same country, nothing more, nothing less
        if sorted(pa.words) == sorted(pb.words) and pa.countries == pb.countries:
            return Verdict(True, "role", f"same role: {' '.join(pa.words)}")
        return _NO
    if pa.words == pb.words and pa.countries == pb.countries:
        return Verdict(True, "name", f"same words: {typo(pa.text)}")
    short, long_ = (pa, pb) if len(pa.words) <= len(pb.words) else (pb, pa)
    if len(short.words) < 2 or short.words[0] != long_.words[0]:
        return _NO  # "le ministère" names no body; "services du Premier ministre" is not "Premier ministre"
    if not _subsequence(short.words, long_.words):
        return _NO
    extra = list(long_.words)
    for x in short.words:
        extra.remove(x)
    if any(x in roles for x in extra):
        return _NO  # "services du Premier ministre" adds a person: an office, not a modifier
    return Verdict(True, "modifier", f"'{long_.text}' is '{short.text}' with modifiers ({', '.join(extra)})")
