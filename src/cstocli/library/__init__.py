"""The personal library: imported articles kept in one SQLite database.

Each article is stored whole (its dataset JSON, in the one format ``cstocli.dataset.files``
reads and writes, less the ``text`` fields its spans already give, plus the source text
the spans point into, both zlib-compressed) and, beside it, as relational rows (speakers,
passages, figures) and a sentence index: a contentless FTS5 table over the terms of the
shared ``cstocli.text`` tokeniser (the text itself is stored once, in the article), and a
vocabulary table that typo expansion scans instead of the text. So a search over a
million sentences reads only the few pages it needs (``LibraryIndex``, the
``store.SentenceStore`` that ``search`` plans against).

Safety: every write is one ``BEGIN IMMEDIATE`` transaction (a failure leaves nothing
behind, two writers queue instead of failing half-way), the database runs in WAL mode
with a busy timeout (readers never block the writer), and the schema version lives in
``PRAGMA user_version`` so an older library is migrated and a newer one refused.

Speed: ``prepare`` does the CPU-heavy half of storing an article (JSON, sentences,
tokens) without the database, so bulk imports run it in worker processes; the writer
then inserts rows with ``executemany`` and the FTS rows after them, once per batch.

The modules, from the bottom up: ``errors`` (``LibraryError``), ``rows`` (an article's
rows, no database), ``index`` (the search index), ``schema`` (opening, tables and
migrations), ``reading`` and ``writing`` (the two halves of ``Library``), ``database``
(``open_library`` and ``Library``). Callers import from here.
"""

from cstocli.library.database import LIBRARY_ENV, Library, default_path, open_library
from cstocli.library.errors import LibraryError
from cstocli.library.exporter import export
from cstocli.library.index import LibraryIndex
from cstocli.library.originals import Original
from cstocli.library.reading import ArticleSummary, SpeakerTotal
from cstocli.library.rows import PreparedArticle, prepare
from cstocli.library.schema import BUSY_TIMEOUT_MS, SCHEMA_VERSION
from cstocli.library.writing import StoreResult, replace_id

__all__ = [
    "BUSY_TIMEOUT_MS",
    "LIBRARY_ENV",
    "SCHEMA_VERSION",
    "ArticleSummary",
    "Library",
    "LibraryError",
    "LibraryIndex",
    "Original",
    "PreparedArticle",
    "SpeakerTotal",
    "StoreResult",
    "default_path",
    "export",
    "open_library",
    "prepare",
    "replace_id",
]
