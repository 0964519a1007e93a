"""Builds the held-out C gold files from hand annotations given as strings.

Annotator's own script (not part of the tool). Each article is NAME.txt (the
text as stored) plus an entry in ANNOTATIONS (annotations.py): entities,
attributions, optional items and not-quotes written as exact strings of the
text. The builder locates every string, checks text[start:end] == string,
insists on an `occurrence` index wherever a content string occurs more than
once, checks that each cue and speaker occurs within WINDOW characters of its
content, and writes NAME.json in the format of ../shared/eval/fr.

Usage: python tests/heldout_c/gold_src.py [NAME ...]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FR = os.path.join(HERE, "fr")
WINDOW = 400

sys.path.insert(0, HERE)
from annotations import ANNOTATIONS  # noqa: E402


def occurrences(text, s):
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def locate(text, s, occ, where):
    occ_list = occurrences(text, s)
    if not occ_list:
        raise ValueError(f"{where}: not in text: {s!r}")
    if len(occ_list) > 1 and occ is None:
        raise ValueError(f"{where}: occurs {len(occ_list)} times, give occurrence: {s!r}")
    start = occ_list[(occ or 1) - 1]
    end = start + len(s)
    assert text[start:end] == s
    return start, end


def near(text, s, span, where, errors):
    if s is None:
        return
    hits = occurrences(text, s)
    if not hits:
        errors.append(f"{where}: not in text: {s!r}")
        return
    a, b = span
    if not any(h + len(s) >= a - WINDOW and h <= b + WINDOW for h in hits):
        errors.append(f"{where}: no occurrence within {WINDOW} chars of content: {s!r}")


def build(name, ann):
    path = os.path.join(FR, name + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    errors = []
    ents = {}
    for eid, (ename, etype, aliases) in ann["entities"].items():
        assert etype in ("person", "organization", "group", "anonymous"), eid
        for al in aliases:
            if al not in text:
                errors.append(f"entity {eid}: alias not in text: {al!r}")
        ents[eid] = {"name": ename, "type": etype, "aliases": list(aliases)}
    attrs = []
    for i, a in enumerate(ann["attributions"]):
        typ, content, cue, speaker, ent = a[:5]
        occ = a[5] if len(a) > 5 else None
        where = f"{name} attribution {i} ({content[:30]!r})"
        assert typ in ("direct", "indirect", "mixed"), where
        try:
            span = locate(text, content, occ, where)
        except ValueError as e:
            errors.append(str(e))
            continue
        near(text, cue, span, where + " cue", errors)
        near(text, speaker, span, where + " speaker", errors)
        if ent is not None and ent not in ents:
            errors.append(f"{where}: unknown entity {ent}")
        if speaker is not None and ent is not None and speaker not in ents[ent]["aliases"]:
            low = speaker.lower()
            pron = {"il", "elle", "ils", "elles", "lui", "eux", "on", "nous", "je", "leur", "sa", "son", "ses"}
            if low not in pron and not any(low.startswith(p + " ") for p in pron):
                errors.append(f"{where}: speaker {speaker!r} not among aliases of {ent}")
        if typ == "direct" and any(q in content for q in "«»“”\""):
            pass  # nested quotes inside a direct quote are allowed
        rec = {"type": typ, "content": content, "cue": cue, "speaker": speaker, "entity": ent}
        if len(occurrences(text, content)) > 1:
            rec["occurrence"] = occ
        attrs.append(rec)
    opts = []
    for o in ann.get("optional", []):
        content, why = o[0], o[1]
        rec = {"content": content, "why": why}
        if not occurrences(text, content):
            errors.append(f"{name} optional not in text: {content!r}")
        if len(o) > 2:
            rec["speaker"] = o[2]
            rec["entity"] = o[3]
            if o[2] is not None and o[2] not in text:
                errors.append(f"{name} optional speaker not in text: {o[2]!r}")
        opts.append(rec)
    for nq in ann.get("not_quotes", []):
        if nq not in text:
            errors.append(f"{name} not_quote not in text: {nq!r}")
    if errors:
        raise SystemExit("\n".join(errors))
    gold = {
        "id": name,
        "lang": "fr",
        "text": name + ".txt",
        "meta": ann["meta"],
        "entities": ents,
        "attributions": attrs,
        "optional": opts,
        "not_quotes": list(ann.get("not_quotes", [])),
    }
    with open(os.path.join(FR, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return len(attrs), len(opts)


def main(argv):
    names = argv or sorted(ANNOTATIONS)
    total = 0
    for n in names:
        na, no = build(n, ANNOTATIONS[n])
        total += na
        print(f"{n}: {na} attributions, {no} optional")
    print(f"total: {total} attributions in {len(names)} articles")


if __name__ == "__main__":
    main(sys.argv[1:])
