"""The case search's indexes and the expressions that must match them, for both databases."""

from __future__ import annotations

TEXT_CONFIG = "english"
"""The PostgreSQL text search configuration: its stemmer gives "pothole" and "potholes" one
lexeme, and street names, numbers and suffixes ("kingbird", "12", "rd") stay words."""

REQUEST_WORDS = "search_words"
"""PostgreSQL only: service_requests' stored, generated tsvector of its address and
description. A stored column, not an index expression: a search that walks the newest cases
tests each one's words without computing them again."""
REQUEST_TEXT = f"to_tsvector('{TEXT_CONFIG}'::regconfig, address || ' ' || description)"
"""What the generated column holds."""
NOTE_TEXT = f"to_tsvector('{TEXT_CONFIG}'::regconfig, reason)"
"""A note's words (request_events of kind 'note'), indexed for notes only."""
NOTE_KIND = "kind = 'note'"

POSTGRESQL_INDEXES = {
    "ix_service_requests_search_words": f"service_requests USING gin ({REQUEST_WORDS})",
    "ix_request_events_note_text": f"request_events USING gin (({NOTE_TEXT})) WHERE {NOTE_KIND}",
    # The newest notes first: a word many notes hold is answered by walking them.
    "ix_request_events_note_at": f"request_events (at, id) WHERE {NOTE_KIND}",
    "ix_service_requests_address_trgm": "service_requests USING gin (lower(address) gin_trgm_ops)",
    "ix_callers_name_trgm": "callers USING gin (lower(name) gin_trgm_ops)",
}
"""Name -> what it indexes: every request, open or closed, whoever wrote it (COPY included)."""

REQUEST_FTS = "request_search"
"""SQLite: a request's description, address and notes (rowid = the request's id)."""
CALLER_FTS = "caller_search"
"""SQLite: a caller's name (rowid = the caller's id)."""
SQLITE_TRIGRAM_SINCE = (3, 34)
FTS_TOKENIZER = "trigram"
"""Any three letters in a row find the text: substrings, and fuzzy names by shared trigrams."""

SQLITE_TABLES = (
    f"CREATE VIRTUAL TABLE {REQUEST_FTS} USING fts5(description, address, notes, "
    f"tokenize = '{FTS_TOKENIZER}')",
    f"CREATE VIRTUAL TABLE {CALLER_FTS} USING fts5(name, tokenize = '{FTS_TOKENIZER}')",
)
_NOTES_OF = (
    "coalesce((SELECT group_concat(reason, ' ') FROM request_events "
    "WHERE request_id = {request} AND kind = 'note'), '')"
)
SQLITE_FILL = (
    f"INSERT INTO {REQUEST_FTS} (rowid, description, address, notes) "
    f"SELECT id, description, address, {_NOTES_OF.format(request='service_requests.id')} "
    "FROM service_requests",
    f"INSERT INTO {CALLER_FTS} (rowid, name) SELECT id, name FROM callers",
)
SQLITE_TRIGGERS = {
    "service_requests_search_insert": f"""
CREATE TRIGGER service_requests_search_insert AFTER INSERT ON service_requests BEGIN
    INSERT INTO {REQUEST_FTS} (rowid, description, address, notes)
    VALUES (NEW.id, NEW.description, NEW.address, {_NOTES_OF.format(request="NEW.id")});
END""",
    "service_requests_search_update": f"""
CREATE TRIGGER service_requests_search_update AFTER UPDATE OF description, address
ON service_requests BEGIN
    UPDATE {REQUEST_FTS} SET description = NEW.description, address = NEW.address
    WHERE rowid = NEW.id;
END""",
    "service_requests_search_delete": f"""
CREATE TRIGGER service_requests_search_delete AFTER DELETE ON service_requests BEGIN
    DELETE FROM {REQUEST_FTS} WHERE rowid = OLD.id;
END""",
    "request_events_search_note": f"""
CREATE TRIGGER request_events_search_note AFTER INSERT ON request_events
WHEN NEW.{NOTE_KIND} BEGIN
    UPDATE {REQUEST_FTS} SET notes = {_NOTES_OF.format(request="NEW.request_id")}
    WHERE rowid = NEW.request_id;
END""",
    "callers_search_insert": f"""
CREATE TRIGGER callers_search_insert AFTER INSERT ON callers BEGIN
    INSERT INTO {CALLER_FTS} (rowid, name) VALUES (NEW.id, NEW.name);
END""",
    "callers_search_update": f"""
CREATE TRIGGER callers_search_update AFTER UPDATE OF name ON callers BEGIN
    UPDATE {CALLER_FTS} SET name = NEW.name WHERE rowid = NEW.id;
END""",
    "callers_search_delete": f"""
CREATE TRIGGER callers_search_delete AFTER DELETE ON callers BEGIN
    DELETE FROM {CALLER_FTS} WHERE rowid = OLD.id;
END""",
}
"""Name -> statement: the SQLite full-text tables follow every write, imports included."""
