SET client_min_messages = warning;

-- DEVELOPMENT / CI ONLY, applied by tools/infra to the `ferretdb` database on every `up` (idempotent).
--
-- FerretDB 1.24 turns an equality filter into `_jsonb->$1 @> $2` (jsonb containment) but builds every index,
-- `_id` included, as a btree on `(_jsonb -> 'field')`, which containment cannot use: every find, update and delete
-- reads the whole table (FerretDB issue #4646). MongoDB, which production runs, uses its indexes. To keep this
-- stand-in close to it, each btree index FerretDB creates on a document field gets a GIN twin on that field's
-- expression (the leading field of a compound index), which the containment filter can use.
-- See docs/decisions/0003-local-infrastructure-without-docker.md.

CREATE OR REPLACE FUNCTION credstream_gin_twin(index_oid oid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  definition text := pg_get_indexdef(index_oid);
  field text;
  target regclass;
  twin text;
BEGIN
  field := substring(definition FROM $re$USING btree \(+_jsonb -> '((?:[^']|'')+)'::text\)$re$);
  IF field IS NULL THEN
    RETURN;
  END IF;
  SELECT indrelid::regclass INTO target FROM pg_index WHERE indexrelid = index_oid;
  -- One twin per table and field, whatever it was named (a compound index and a single-field one may share it).
  IF EXISTS (SELECT 1 FROM pg_index i
              WHERE i.indrelid = target
                AND pg_get_indexdef(i.indexrelid) LIKE
                    '%USING gin (((_jsonb -> ' || quote_literal(replace(field, '''''', '''')) || '::text)))') THEN
    RETURN;
  END IF;
  SELECT left(c.relname, 40) || '_' || left(md5(c.oid::text || ' ' || field), 8) || '_gin' INTO twin
    FROM pg_class c WHERE c.oid = target;
  EXECUTE format('CREATE INDEX %I ON %s USING gin ((_jsonb -> %L))', twin, target, replace(field, '''''', ''''));
END $$;

CREATE OR REPLACE FUNCTION credstream_gin_twin_on_create_index() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  created record;
BEGIN
  FOR created IN SELECT objid FROM pg_event_trigger_ddl_commands()
                  WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    PERFORM credstream_gin_twin(created.objid);
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS credstream_gin_twins;
CREATE EVENT TRIGGER credstream_gin_twins ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION credstream_gin_twin_on_create_index();

-- Indexes created before the trigger existed (a cluster from an earlier `up`).
SELECT credstream_gin_twin(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE pg_get_indexdef(i.indexrelid) LIKE '%USING btree (%(_jsonb -> %';
