-- gaogen export: the schema of facts.sqlite (docs/export.md).
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  agency TEXT,
  year INTEGER,
  format TEXT,
  sections_found INTEGER,
  cells_read INTEGER,
  errors INTEGER,
  warnings INTEGER,
  failure TEXT
);
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  table_name TEXT NOT NULL,
  edition TEXT NOT NULL,
  row_id TEXT NOT NULL,
  row_label TEXT NOT NULL,
  column_id TEXT NOT NULL,
  column_label TEXT NOT NULL,
  value REAL,
  status TEXT NOT NULL,
  raw TEXT
);
CREATE TABLE figures (
  report_id INTEGER NOT NULL REFERENCES reports(id),
  figure TEXT NOT NULL,
  label TEXT NOT NULL,
  value REAL,
  numerator INTEGER,
  denominator INTEGER,
  formula TEXT NOT NULL
);
CREATE VIEW facts AS
  SELECT r.file, r.agency, r.year, c.table_name, c.edition, c.row_id, c.row_label,
         c.column_id, c.column_label, c.value, c.status, c.raw
  FROM cells c JOIN reports r ON r.id = c.report_id;
