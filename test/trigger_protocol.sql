-- The extension's C trigger functions attached to a table the wrong way:
-- each refuses with 39P01 (trigger_protocol_violated) before it reads or
-- writes anything.  disclosure_after_statement() writes the history as the
-- extension's owner (SECURITY DEFINER): attached to any other table, even
-- one with the same columns and transition table, it refuses, so nobody who
-- may create triggers writes disclosure_event through it.
BEGIN;
SELECT plan(8);

CREATE TABLE public.lookalike (LIKE frontrunner.disclosure);
CREATE TABLE public.lookalike_indicator (LIKE frontrunner.disclosed_indicator);

CREATE TRIGGER history AFTER INSERT ON public.lookalike REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION frontrunner.disclosure_after_statement();
SELECT throws_ok($$INSERT INTO public.lookalike (id, enterprise, category, product, standard, status)
                   VALUES (1, '91110108558521630L', 'c', 'p', 'Q/ABC 1-2020', 'draft')$$,
  '39P01', 'disclosure_after_statement() fires only on frontrunner.disclosure',
  'disclosure_after_statement() on another table with the same columns: refused');
SELECT is((SELECT count(*) FROM frontrunner.disclosure_event), 0::bigint, 'and nothing is written into the history');
DROP TRIGGER history ON public.lookalike;

CREATE TRIGGER history AFTER INSERT ON public.lookalike
  FOR EACH ROW EXECUTE FUNCTION frontrunner.disclosure_after_statement();
SELECT throws_ok($$INSERT INTO public.lookalike (id, enterprise, category, product, standard, status)
                   VALUES (2, '91110108558521630L', 'c', 'p', 'Q/ABC 1-2020', 'draft')$$,
  '39P01', 'disclosure_after_statement() must be an AFTER statement trigger',
  'disclosure_after_statement() as a row trigger: refused');
DROP TRIGGER history ON public.lookalike;

CREATE TRIGGER entry AFTER INSERT ON public.lookalike_indicator REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION frontrunner.disclosed_indicator_insert_check();
SELECT throws_ok($$INSERT INTO public.lookalike_indicator (enterprise, disclosure, indicator, requirement)
                   VALUES ('91110108558521630L', 1, 'lead', '≤ 0.1 mg/kg')$$,
  '39P01', 'disclosed_indicator_insert_check() fires only on frontrunner.disclosed_indicator',
  'disclosed_indicator_insert_check() on another table: refused');
DROP TRIGGER entry ON public.lookalike_indicator;

CREATE TRIGGER region AFTER INSERT ON public.lookalike
  FOR EACH STATEMENT EXECUTE FUNCTION frontrunner.disclosure_row();
SELECT throws_ok($$INSERT INTO public.lookalike (id, enterprise, category, product, standard, status)
                   VALUES (3, '91110108558521630L', 'c', 'p', 'Q/ABC 1-2020', 'draft')$$,
  '39P01', 'disclosure_row() must be a BEFORE row trigger', 'disclosure_row() as a statement trigger: refused');
DROP TRIGGER region ON public.lookalike;

CREATE TRIGGER tenant AFTER INSERT ON public.lookalike_indicator
  FOR EACH ROW EXECUTE FUNCTION frontrunner.tenant_fill('disclosure', 'x');
SELECT throws_ok($$INSERT INTO public.lookalike_indicator (enterprise, disclosure, indicator, requirement)
                   VALUES ('91110108558521630L', 1, 'lead', '≤ 0.1 mg/kg')$$,
  '39P01', 'tenant_fill() must be a BEFORE INSERT OR UPDATE row trigger with two arguments',
  'tenant_fill() as an AFTER trigger: refused');
DROP TRIGGER tenant ON public.lookalike_indicator;
CREATE TRIGGER tenant BEFORE INSERT ON public.lookalike_indicator
  FOR EACH ROW EXECUTE FUNCTION frontrunner.tenant_fill('disclosure');
SELECT throws_ok($$INSERT INTO public.lookalike_indicator (enterprise, disclosure, indicator, requirement)
                   VALUES ('91110108558521630L', 1, 'lead', '≤ 0.1 mg/kg')$$,
  '39P01', 'tenant_fill() must be a BEFORE INSERT OR UPDATE row trigger with two arguments',
  'tenant_fill() with one argument: refused');
DROP TRIGGER tenant ON public.lookalike_indicator;

SELECT is((SELECT count(*) FROM public.lookalike) + (SELECT count(*) FROM public.lookalike_indicator), 0::bigint,
  'no refused statement wrote a row');

SELECT * FROM finish();
ROLLBACK;
