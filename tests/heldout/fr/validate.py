"""Validate held-out gold files against ANNOTATION.md conventions.
Errors: strings absent from the text, bad occurrence, unknown entity ids, bad types.
Warnings: heuristics (direct content not between marks, final period, cue far from content)."""
import json, sys, pathlib, re

QUOTES = '"«»“”‘’'  # single curly marks: English copies quote with them too
TYPES = {"direct", "indirect", "mixed"}
ETYPES = {"person", "organization", "group", "anonymous"}

def find_all(text, s):
    out, i = [], text.find(s)
    while i != -1:
        out.append(i); i = text.find(s, i + 1)
    return out

def check(jpath):
    errs, warns = [], []
    g = json.load(open(jpath, encoding='utf-8'))
    for k in ("id", "lang", "text", "meta", "entities", "attributions", "optional", "not_quotes"):
        if k not in g: errs.append(f"missing key {k}")
    tpath = jpath.parent / g["text"]
    if not tpath.exists():
        return [f"text file {tpath} missing"], []
    text = tpath.read_text(encoding='utf-8')
    for k in ("source", "license", "date", "outlet"):
        if k not in g["meta"]: errs.append(f"meta.{k} missing")
    ents = g["entities"]
    for eid, e in ents.items():
        if e.get("type") not in ETYPES: errs.append(f"entity {eid}: bad type {e.get('type')}")
        if len(set(e["aliases"])) != len(e["aliases"]): errs.append(f"entity {eid}: duplicate aliases")
        for a in e["aliases"]:
            if a not in text: errs.append(f"entity {eid}: alias not in text: {a!r}")
            if a.lower() in {"il", "elle", "ils", "elles", "lui", "on"}: errs.append(f"entity {eid}: pronoun alias {a!r}")
    spans = []
    for n, a in enumerate(g["attributions"]):
        tag = f"attr#{n} {a.get('content','')[:40]!r}"
        if a.get("type") not in TYPES: errs.append(f"{tag}: bad type")
        c = a["content"]
        if c != c.strip(): errs.append(f"{tag}: content has outer whitespace")
        occ = find_all(text, c)
        if not occ: errs.append(f"{tag}: content not in text"); continue
        if len(occ) > 1 and "occurrence" not in a: errs.append(f"{tag}: content occurs {len(occ)}x, occurrence needed")
        o = a.get("occurrence", 1)
        if o > len(occ): errs.append(f"{tag}: occurrence {o} > {len(occ)}"); continue
        start = occ[o - 1]; end = start + len(c)
        spans.append((start, end, tag))
        if a.get("cue") is not None:
            cues = find_all(text, a["cue"])
            if not cues: errs.append(f"{tag}: cue not in text: {a['cue']!r}")
            elif min(min(abs(x - start), abs(x - end)) for x in cues) > 250:
                warns.append(f"{tag}: cue {a['cue']!r} far from content")
        sp = a.get("speaker")
        if sp is not None:
            sps = find_all(text, sp)
            if not sps: errs.append(f"{tag}: speaker not in text: {sp!r}")
            elif min(min(abs(x - start), abs(x - end)) for x in sps) > 400:
                warns.append(f"{tag}: speaker {sp!r} far from content")
        eid = a.get("entity")
        if eid is not None and eid not in ents: errs.append(f"{tag}: unknown entity {eid}")
        if sp is not None and eid in ents and sp.lower() not in {"il", "elle", "ils", "elles", "on"}:
            if not any(al.lower() in sp.lower() or sp.lower() in al.lower() for al in ents[eid]["aliases"]):
                warns.append(f"{tag}: speaker {sp!r} not among aliases of {eid}")
        has_marks = any(q in c for q in QUOTES)
        before = text[:start].rstrip(' ')[-1:]; after = text[end:].lstrip(' ')[:1]
        if a["type"] == "direct":
            if before not in QUOTES or after not in QUOTES:
                warns.append(f"{tag}: direct but not enclosed by marks (before {before!r}, after {after!r})")
            if has_marks and c.count('"') % 2: warns.append(f"{tag}: direct content with odd marks")
        if a["type"] == "indirect" and has_marks:
            warns.append(f"{tag}: indirect content contains quote marks (title/name?)")
        if a["type"] == "mixed" and not has_marks:
            errs.append(f"{tag}: mixed without quote marks")
        # a paragraph end closes a quotation too (a quotation running on to the next paragraph has no closing mark)
        if c.endswith('.') and not c.endswith('...') and after not in QUOTES and after != "\n":
            errs.append(f"{tag}: final period outside marks")
    spans.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(spans, spans[1:]):
        if s2 < e1: warns.append(f"overlap: {t1} / {t2}")
    for n, o in enumerate(g["optional"]):
        if o["content"] not in text: errs.append(f"optional#{n}: content not in text: {o['content'][:50]!r}")
        if o.get("speaker") and o["speaker"] not in text: errs.append(f"optional#{n}: speaker not in text")
        if o.get("entity") and o["entity"] not in ents: errs.append(f"optional#{n}: unknown entity")
    for q in g["not_quotes"]:
        if q not in text: errs.append(f"not_quote not in text: {q!r}"); continue
        ok = any(re.search(re.escape(l) + r'\s?' + re.escape(q) + r'\s?' + re.escape(r), text)
                 for l, r in (('"', '"'), ('«', '»'), ('“', '”'), ('‘', '’'), ("'", "'")))
        if not ok: errs.append(f"not_quote not between marks: {q!r}")
    return errs, warns

def main(d):
    d = pathlib.Path(d); total_e = 0; counts = {}
    for jp in sorted(d.glob('*.json')):
        pass
        errs, warns = check(jp)
        g = json.load(open(jp, encoding='utf-8'))
        for a in g["attributions"]: counts[a["type"]] = counts.get(a["type"], 0) + 1
        total_e += len(errs)
        for e in errs: print(f"ERROR {jp.name}: {e}")
        for w in warns: print(f"warn  {jp.name}: {w}")
    print("counts by type:", counts, "total", sum(counts.values()))
    print("errors:", total_e)
    return total_e

if __name__ == '__main__':
    sys.exit(1 if main(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent) else 0)
