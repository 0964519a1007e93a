"""Continue training a saved pipeline (``spacy train … --code training/en/warmstart.py``).

A config whose components all say ``source = "<saved pipeline>"`` goes on training that
pipeline. spaCy 3.8's trainable lemmatizer does not rebuild its tree → label table when it is
loaded (``from_disk``/``from_bytes``), so a sourced lemmatizer would learn every gold lemma as
label 0 (its accuracy falls to that of copying the word); importing this module makes loading
rebuild the table.
"""

from __future__ import annotations

from typing import Any

from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer

_from_disk = EditTreeLemmatizer.from_disk
_from_bytes = EditTreeLemmatizer.from_bytes


def _rebuild(pipe: EditTreeLemmatizer) -> EditTreeLemmatizer:
    pipe.tree2label = {tree: label for label, tree in enumerate(pipe.labels)}
    return pipe


def from_disk(self: EditTreeLemmatizer, path: Any, exclude: Any = tuple()) -> EditTreeLemmatizer:
    return _rebuild(_from_disk(self, path, exclude=exclude))


def from_bytes(self: EditTreeLemmatizer, bytes_data: bytes, *, exclude: Any = tuple()) -> EditTreeLemmatizer:
    return _rebuild(_from_bytes(self, bytes_data, exclude=exclude))


EditTreeLemmatizer.from_disk = from_disk  # type: ignore[method-assign]
EditTreeLemmatizer.from_bytes = from_bytes  # type: ignore[method-assign]
