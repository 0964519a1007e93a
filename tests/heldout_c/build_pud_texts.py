"""Writes the PUD sentence-collection texts of held-out C (annotator's script).

Source: UD_French-PUD fr_pud-ud-test.conllu (CC BY-SA 3.0), commit of the
UniversalDependencies/UD_French-PUD snapshot given as argument. Only the news
documents (newdoc ids starting with 'n') are used, in file order, 24 documents
per text; a document's sentences form one paragraph, documents are separated
by a blank line. No document is selected or skipped by content.

Usage: python build_pud_texts.py PATH/fr_pud-ud-test.conllu
"""
import os
import sys

PER_FILE = 24


def main(path):
    docs, order, cur = {}, [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc id = "):
                cur = line.split("=", 1)[1].strip()
                docs[cur] = []
                order.append(cur)
            elif line.startswith("# text = "):
                docs[cur].append(line.split("=", 1)[1].strip())
    news = [d for d in order if d.startswith("n")]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fr")
    for k in range(0, len(news), PER_FILE):
        chunk = news[k:k + PER_FILE]
        name = f"pud{k // PER_FILE + 1:02d}_news"
        text = "\n\n".join(" ".join(docs[d]) for d in chunk) + "\n"
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        print(name, chunk[0], chunk[-1], len(text))


if __name__ == "__main__":
    main(sys.argv[1])
