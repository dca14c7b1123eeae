-- Set when the offer's language was detected rather than given: how sure the detector was.
alter table offer add column language_confidence double precision;
