# make crash: kill -9 under load, as core's recovery tests do
# (PostgreSQL::Test::Cluster; Debian: libipc-run-perl).  A cluster of this
# build (test/harness/pgenv.sh puts its bin first in PATH) runs the load of
# test/reliability/load/ (pgbench, 8 clients); then, each followed by crash
# recovery and the checks:
#   1. kill -9 of one backend during the load (the postmaster restarts all);
#   2. kill -9 of the backend running publish_ranking() (many lists in one
#      transaction);
#   3. kill -9 of the backend running import_disclosures() over staged rows;
#   4. kill -9 of the postmaster during the load (and of its children), then
#      a new start.
# The checks after each: the invariants (test/reliability/load/invariants.sql:
# one current version per chain, no published row changed, conforms right,
# no failed leader unrevoked, every acknowledged transaction present, nothing
# half-written), and amcheck's bt_index_parent_check(index, true, true) on
# every index using an operator class of the extension, among them btree
# indexes of each type over FR_CRASH_VALUES values (20,000; FR_LONG=1:
# 250,000) after build, inserts and REINDEX.  FR_LONG=1 also runs the load
# longer before each kill.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use IPC::Run;
use Time::HiRes qw(usleep);

my $long = ($ENV{FR_LONG} // '0') eq '1';
my $values = $ENV{FR_CRASH_VALUES} // ($long ? 250000 : 20000);
my $load_secs = $long ? 60 : 4;
my $db = 'frontrunner_crash';
my $load = 'test/reliability/load';
my $ack = "${PostgreSQL::Test::Utils::tmp_check}/ack";
$ENV{FR_ACK} = $ack;
open(my $fh, '>', $ack) or die; close($fh); chmod 0666, $ack;

my $node = PostgreSQL::Test::Cluster->new('crash');
$node->init;
$node->append_conf('postgresql.conf', "max_connections = 40\nrestart_after_crash = on\nfsync = on\n");
$node->start;
$node->safe_psql('postgres', "CREATE DATABASE $db");
$node->safe_psql($db, 'CREATE EXTENSION frontrunner; CREATE EXTENSION amcheck');
my @psql = ('psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', $node->host, '-p', $node->port, '-d', $db);
command_ok([@psql, '-f', "$load/setup.sql", '-o', '/dev/null'], 'the load fixture loads');

# btree indexes of each type with the extension's operator classes, over many values
$node->safe_psql($db, qq{
  CREATE TABLE public.amcheck_values (u frontrunner.uscc, s frontrunner.stdcode, i frontrunner.indicator);
  CREATE FUNCTION public.fill(a int, b int) RETURNS void LANGUAGE sql AS \$\$
    INSERT INTO public.amcheck_values
    SELECT frontrunner.uscc_complete('91110108MA' || lpad(n::text, 7, '0')),
           ('GB/T ' || (n % 40000 + 1) || '-' || (1990 + n % 35))::frontrunner.stdcode,
           (CASE n % 3 WHEN 0 THEN '≤ ' || round((n % 9973) / 100.0, 2) || ' mg/kg'
                       WHEN 1 THEN round((n % 97) / 10.0, 1) || '～' || round((n % 97 + 5) / 10.0, 1)
                       ELSE '≥ ' || n % 101 || ' %' END)::frontrunner.indicator
    FROM generate_series(a, b) n
  \$\$;
  SELECT public.fill(1, $values / 2);
  CREATE INDEX amcheck_u ON public.amcheck_values (u);
  CREATE INDEX amcheck_s ON public.amcheck_values (s);
  CREATE INDEX amcheck_i ON public.amcheck_values (i);
});

sub amcheck
{
	my ($when) = @_;
	my $r = $node->safe_psql($db, q{
	  SELECT count(*) || ' ' || count(*) FILTER (WHERE c.relname LIKE 'amcheck_%')
	  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
	  CROSS JOIN LATERAL (SELECT bt_index_parent_check(c.oid, true, true)) chk
	  WHERE a.amname = 'btree' AND EXISTS (
	    SELECT FROM unnest(i.indclass::oid[]) oc
	    JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = oc AND d.deptype = 'e'
	    JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner')});
	my ($n, $big) = split / /, $r;
	ok($n >= 6 && $big == 3, "$when: amcheck bt_index_parent_check(index, true, true) clean on $n indexes with the extension's operator classes");
}

sub invariants
{
	my ($when) = @_;
	$node->safe_psql($db, 'DROP TABLE IF EXISTS load.ack; CREATE TABLE load.ack (line text)');
	my ($out, $err) = ('', '');
	IPC::Run::run([@psql, '-c', "\\copy load.ack FROM '$ack'"], '>', \$out, '2>', \$err);
	my $rc = IPC::Run::run([@psql, '-At', '-f', "$load/invariants.sql"], '>', \$out, '2>', \$err);
	my ($total) = $out =~ /^(acknowledged transactions: .*)$/m;
	my @bad = grep { /^invariant .*: [1-9]/ } split /\n/, $out;
	ok($rc && !@bad, "$when: invariants hold (" . ($total // 'none') . ")")
	  or diag("$out\n$err");
}

my @pgbench = ('pgbench', '-n', '-c', '8', '-j', '2', '--max-tries=100', '-h', $node->host, '-p', $node->port,
	map({ ('-f', "$load/$_") } qw(disclose.sql@30 publish.sql@25 supersede.sql@15 spot_check.sql@15 rank.sql@10 publish_ranking.sql@5)));

sub start_load
{
	my ($out, $err) = ('', '');
	local $ENV{PGAPPNAME} = 'pgbench';
	my $h = IPC::Run::start([@pgbench, '-T', '600', $db], '>', \$out, '2>', \$err);
	# until the clients have written something
	for (1 .. 200)
	{
		last if $node->safe_psql($db, "SELECT count(*) >= 8 FROM pg_stat_activity WHERE application_name = 'pgbench'") eq 't';
		die "pgbench did not start: $err" unless $h->pumpable;
		usleep(100_000);
	}
	die "pgbench did not connect: $err"
	  unless $node->safe_psql($db, "SELECT count(*) >= 8 FROM pg_stat_activity WHERE application_name = 'pgbench'") eq 't';
	sleep($load_secs);
	$h->pump_nb;
	die "pgbench ended early: $err" unless $h->pumpable;
	return $h;
}

sub wait_running
{
	my ($pattern) = @_;
	for (1 .. 600)
	{
		my $pid = $node->safe_psql($db, "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '$pattern' AND pid <> pg_backend_pid() LIMIT 1");
		return $pid if $pid;
		usleep(50_000);
	}
	die "no backend running $pattern";
}

sub recovered
{
	my ($when) = @_;
	ok($node->poll_query_until($db, 'SELECT true'), "$when: the server recovered and accepts connections");
}

amcheck('after build');

# 1. one backend, during the load
my $h = start_load();
my $victim = $node->safe_psql($db, "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' AND state = 'active' ORDER BY random() LIMIT 1")
  || $node->safe_psql($db, "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' LIMIT 1");
ok(kill('KILL', $victim), "kill -9 of a pgbench backend ($victim) during the load");
$h->finish;
recovered('backend killed during the load');
ok($node->log_contains("was terminated by signal 9"), 'the postmaster saw the backend die and reinitialised');
invariants('backend killed during the load');
amcheck('backend killed during the load');

# 2. the backend running publish_ranking()
my $lists = $node->safe_psql($db, 'SELECT count(*) FROM frontrunner.ranking');
my ($o2, $e2) = ('', '');
my $h2 = IPC::Run::start([@psql, '-c', q{DO $$ BEGIN FOR i IN 1..100000 LOOP PERFORM frontrunner.publish_ranking('LD'); END LOOP; END $$}],
	'>', \$o2, '2>', \$e2);
$victim = wait_running('%publish_ranking%');
sleep(1);
ok(kill('KILL', $victim), "kill -9 of the backend running publish_ranking() ($victim)");
$h2->finish;
recovered('backend killed in publish_ranking()');
is($node->safe_psql($db, 'SELECT count(*) FROM frontrunner.ranking'), $lists, 'no list of the killed transaction is left');
invariants('backend killed in publish_ranking()');

# 3. the backend running import_disclosures()
$node->safe_psql($db, qq{
  INSERT INTO frontrunner.disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, published, indicator, requirement)
  SELECT 'IMP' || n, frontrunner.uscc_complete('91110108MA003' || lpad((n % 64 + 1)::text, 4, '0'))::text, '负载企业 ' || (n % 64 + 1),
         'ld', '导入产品 ' || n, 'GB 18401-2010', '2024-01-01', 'k', '≤ ' || round((n % 500 + 1) / 100.0, 2) || ' mg/kg'
  FROM generate_series(1, $values) n});
my $staged = $node->safe_psql($db, 'SELECT count(*) FROM frontrunner.disclosure_import');
my ($o3, $e3) = ('', '');
my $h3 = IPC::Run::start([@psql, '-c', 'SELECT count(*) FROM frontrunner.import_disclosures()'], '>', \$o3, '2>', \$e3);
$victim = wait_running('%import_disclosures%');
sleep(1);
ok(kill('KILL', $victim), "kill -9 of the backend running import_disclosures() ($victim)");
$h3->finish;
recovered('backend killed in import_disclosures()');
is($node->safe_psql($db, q{SELECT count(*) FROM frontrunner.disclosure WHERE source_ref LIKE 'IMP%'}), '0',
  'no disclosure of the killed import is left');
is($node->safe_psql($db, 'SELECT count(*) FROM frontrunner.disclosure_import'), $staged, 'the staged rows are all still staged');
invariants('backend killed in import_disclosures()');
amcheck('backend killed in import_disclosures()');

# 4. the postmaster, during the load
$node->safe_psql($db, 'DELETE FROM frontrunner.disclosure_import');
$h = start_load();
my @children = split /\n/, $node->safe_psql($db, 'SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()');
$node->kill9;
kill('KILL', @children);
$h->finish;
# until the killed processes are gone (the last one detaches the shared memory)
for (1 .. 100)
{
	last unless grep { kill(0, $_) } @children;
	usleep(100_000);
}
my $started = 0;
for (1 .. 100)
{
	$node->{_pid} = undef;    # a failed start read the dead postmaster's pid file
	last if ($started = $node->start(fail_ok => 1));
	usleep(200_000);
}
ok($started, 'after kill -9 of the postmaster and its processes the cluster starts again (crash recovery)');
recovered('postmaster killed during the load');
invariants('postmaster killed during the load');
amcheck('postmaster killed during the load');

# more values, REINDEX, and the checks again
$node->safe_psql($db, "SELECT public.fill($values / 2 + 1, $values); REINDEX TABLE public.amcheck_values; REINDEX TABLE frontrunner.disclosure");
is($node->safe_psql($db, 'SELECT count(*) FROM public.amcheck_values'), "$values", "$values values of each type indexed");
amcheck('after inserts and REINDEX');

$node->stop;
done_testing();
