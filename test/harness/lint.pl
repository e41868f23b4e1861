#!/usr/bin/perl
# Script checks on the install script parts (sql/install/*.sql), printed as
# TAP lines so the suite counts them:
#   - no CREATE OR REPLACE, no IF NOT EXISTS (an extension script must not
#     adopt objects someone planted before it);
#   - @extschema@ never inside a quoted string or a dollar-quoted body;
#   - every SQL and PL/pgSQL function pins its search_path;
#   - every function, type, table and view has a COMMENT;
#   - every SECURITY DEFINER function (declared so, or made so by ALTER
#     FUNCTION) pins search_path and has EXECUTE revoked FROM PUBLIC in the
#     script;
#   - tables named in SQL and PL/pgSQL bodies are qualified: every name after
#     FROM, JOIN, INSERT INTO, UPDATE and DELETE FROM is frontrunner.x,
#     pg_catalog.x, a function call or subquery, a CTE of the body, a
#     transition table, or a plpgsql variable.  Best effort, by regular
#     expressions over the body text: it does not parse SQL, so a name it
#     cannot tell from a CTE of the same name in another statement of the
#     same body, or a table named inside a string built at run time, escapes
#     it;
#   - install parts in dependency order: no part names a frontrunner function
#     (or table, view, type) that only a later part creates.  PL/pgSQL bodies
#     are not resolved when a function is created, so the server does not
#     catch a call into a later part; this does.
use strict;
use warnings;

my @files = sort glob('sql/install/*.sql');
my $n = 0;
my $failed = 0;

sub check {
	my ($ok, $what, @diag) = @_;
	$n++;
	print(($ok ? "ok" : "not ok") . " $n - $what\n");
	print "# $_\n" for @diag;
	$failed++ unless $ok;
}

my $all = '';
for my $f (@files) {
	open my $fh, '<:encoding(UTF-8)', $f or die "$f: $!";
	local $/;
	my $text = <$fh>;
	close $fh;
	$all .= $text;

	# strip -- comments (outside strings, roughly: whole-line and trailing)
	my $code = $text;
	$code =~ s/--[^\n]*//g;

	my @bad = ($code =~ /(CREATE\s+OR\s+REPLACE[^\n]*)/gi);
	check(!@bad, "$f: no CREATE OR REPLACE", @bad);
	# (DDL's IF NOT EXISTS, before a name; not PL/pgSQL's IF NOT EXISTS (query))
	@bad = ($code =~ /(IF\s+NOT\s+EXISTS(?!\s*\()[^\n]*)/gi);
	check(!@bad, "$f: no IF NOT EXISTS", @bad);

	# walk quotes: '…' (with '' escapes) and $tag$…$tag$
	my @quoted;
	my $rest = $code;
	while ($rest =~ /('(?:[^']|'')*'|\$([A-Za-z_]*)\$.*?\$\2\$)/gs) {
		push @quoted, $1;
	}
	@bad = grep { /\@extschema\@/ } @quoted;
	check(!@bad, "$f: \@extschema\@ never inside quotes",
		  map { substr($_, 0, 80) } @bad);

	# SQL / PL/pgSQL functions pin search_path
	my @unpinned;
	while ($code =~ /(CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\s+([^\s(]+)\s*\((?:[^;]|'(?:[^']|'')*'|\$([A-Za-z_]*)\$.*?\$\3\$)*?;)/gis) {
		my ($def, $name) = ($1, $2);
		next unless $def =~ /LANGUAGE\s+(?:sql|plpgsql)\b/i;
		push @unpinned, $name unless $def =~ /SET\s+search_path\s*(?:=|TO)\s*pg_catalog\s*,\s*pg_temp/i;
	}
	check(!@unpinned, "$f: SQL and PL/pgSQL functions SET search_path = pg_catalog, pg_temp",
		  @unpinned);
}

# SECURITY DEFINER functions and unqualified table names in bodies
{
	my $code = $all;
	$code =~ s/--[^\n]*//g;
	my (%definer, %pinned, %revoked, @bodies);
	my %transition = map { $_ => 1 } ($code =~ /REFERENCING\s+(?:NEW|OLD)\s+TABLE\s+AS\s+(\w+)/gi);
	while ($code =~ /(CREATE\s+FUNCTION\s+([^\s(]+)\s*\((?:[^;]|'(?:[^']|'')*'|\$([A-Za-z_]*)\$.*?\$\3\$)*?;)/gis) {
		my ($def, $name) = ($1, lc $2);
		$name =~ s/^\@extschema\@\.//;
		$definer{$name} = 1 if $def =~ /\bSECURITY\s+DEFINER\b/i;
		$pinned{$name} = 1 if $def =~ /SET\s+search_path\s*(?:=|TO)\s*pg_catalog\s*,\s*pg_temp/i;
		if ($def =~ /LANGUAGE\s+(?:sql|plpgsql)\b/i && $def =~ /AS\s+\$([A-Za-z_]*)\$(.*?)\$\1\$/s) {
			push @bodies, [$name, $2];
		}
	}
	while ($code =~ /ALTER\s+FUNCTION\s+([^\s(]+)\s*\([^)]*\)\s+SECURITY\s+DEFINER/gi) {
		(my $name = lc $1) =~ s/^\@extschema\@\.//;
		$definer{$name} = 1;
	}
	while ($code =~ /REVOKE\s+(?:EXECUTE|ALL)\s+ON\s+FUNCTION\s+([^\s(]+)\s*\([^)]*\)\s+FROM\s+PUBLIC/gi) {
		(my $name = lc $1) =~ s/^\@extschema\@\.//;
		$revoked{$name} = 1;
	}
	my @sd = sort keys %definer;
	check(scalar(@sd) > 0, "SECURITY DEFINER functions found: @sd");
	my @bad = grep { !$pinned{$_} } @sd;
	check(!@bad, "every SECURITY DEFINER function pins search_path = pg_catalog, pg_temp", @bad);
	@bad = grep { !$revoked{$_} } @sd;
	check(!@bad, "every SECURITY DEFINER function has REVOKE EXECUTE ... FROM PUBLIC", @bad);

	my @unqualified;
	for my $b (@bodies) {
		my ($name, $body) = @$b;
		# string literals hold messages, not table names
		(my $text = $body) =~ s/'(?:[^']|'')*'/''/g;
		my %local = map { lc($_) => 1 } ($text =~ /\b(\w+)\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/gi);
		my %vars;
		if ($text =~ /\bDECLARE\b(.*?)\bBEGIN\b/si) {
			%vars = map { lc($_) => 1 } ($1 =~ /^\s*(\w+)\s/mg);
		}
		while ($text =~ /(\w+)?\s*\b(FROM|JOIN|INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([\w.]+)(\s*\()?/gi) {
			my ($before, $kw, $id, $call) = (lc($1 // ''), uc $2, $3, $4);
			next if $call;
			next if $kw eq 'FROM' && $before =~ /^(distinct|year|month|day|epoch|both|leading|trailing)$/;
			next if $kw eq 'UPDATE' && $before =~ /^(for|do|key|no)$/;
			next if $id =~ /^(frontrunner|pg_catalog)\./i;
			next if $id =~ /^(current_date|current_timestamp|lateral|only|set)$/i;
			next if $id =~ /^\$?\d+$/;
			next if $local{lc $id} || $transition{lc $id} || $vars{lc $id};
			push @unqualified, "$name: $kw $id";
		}
	}
	check(!@unqualified, "tables in SQL and PL/pgSQL bodies are qualified (frontrunner. or pg_catalog.)", @unqualified);
}

# install parts in dependency order: a name qualified with frontrunner. or
# @extschema@. refers to an object created in this part or an earlier one.
# Comments and the quoted strings outside function bodies (COMMENT texts) are
# left out; quoted strings inside bodies count, since generated SQL names
# objects there.  Function calls must resolve; a name not followed by "(" is
# checked only when some part creates it (it may be a setting, e.g.
# frontrunner.uscc_weak).
{
	my (%first, @uses);
	for my $i (0 .. $#files) {
		open my $fh, '<:encoding(UTF-8)', $files[$i] or die "$files[$i]: $!";
		local $/;
		my $text = <$fh>;
		close $fh;
		$text =~ s/--[^\n]*//g;
		# top-level '…' strings out, dollar-quoted bodies kept
		$text =~ s/(\$([A-Za-z_]*)\$.*?\$\2\$)|'(?:[^']|'')*'/defined $1 ? $1 : "''"/gse;
		# (a DO block may create an object, naming the schema literally)
		while ($text =~ /CREATE\s+(?:UNIQUE\s+)?(?:FUNCTION|PROCEDURE|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED\s+VIEW|INDEX|OPERATOR\s+CLASS|OPERATOR\s+FAMILY|DOMAIN|SEQUENCE)\s+(?:\@extschema\@\.|frontrunner\.)?(\w+)/gi) {
			$first{lc $1} //= $i;
		}
		while ($text =~ /(?<![\w.\@])(?:frontrunner|\@extschema\@)\.(\w+)(\s*\()?/g) {
			push @uses, [$i, lc $1, defined $2];
		}
	}
	my (%seen, @bad);
	for my $u (@uses) {
		my ($i, $name, $call) = @$u;
		my $d = $first{$name};
		next if defined $d ? $d <= $i : !$call;
		next if $seen{"$i $name"}++;
		push @bad, "$files[$i]: $name" . ($call ? "()" : "") . " is "
			. (defined $d ? "created later, in $files[$d]" : "not created by any part");
	}
	check(!@bad, "install parts in dependency order: nothing refers to an object of a later part", @bad);
}

# every created function / type / table / view is commented somewhere
my $code = $all;
$code =~ s/--[^\n]*//g;
my (%made, %commented);
while ($code =~ /CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([@\w.]+)/gi) {
	(my $kind = uc $1) =~ s/\s+/ /g;
	$kind = 'FUNCTION' if $kind eq 'PROCEDURE';
	(my $name = $2) =~ s/^frontrunner\./\@extschema\@./;
	$made{"$kind $name"} = 1;
}
while ($code =~ /COMMENT\s+ON\s+(FUNCTION|PROCEDURE|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED\s+VIEW)\s+([@\w.]+)/gi) {
	(my $kind = uc $1) =~ s/\s+/ /g;
	$kind = 'FUNCTION' if $kind eq 'PROCEDURE';
	$commented{"$kind $2"} = 1;
}
my @nocomment = grep { !$commented{$_} } sort keys %made;
check(!@nocomment, "every function, type, table and view has a COMMENT", @nocomment);

# ---------------------------------------------------------------- C layers
# src/core/ is the backend-free layer (parsers, exact decimals and
# quantities, normalisation): its files include only src/core/ headers
# ("core/x.h") and system headers, never a PostgreSQL server header nor a
# header of src/ (the SQL faces), so that the fuzz targets link src/core/
# alone.  A fuzz target (test/fuzz/fuzz_*.c) includes only src/core/ headers
# and its arena.h.  The headers of src/ include each other without a cycle.
# the server headers: the first pg_config on PATH whose include directory
# exists (a test cluster's copied tree has no include directory)
my ($server) = grep { $_ && -d $_ }
	map { my $d = -x "$_/pg_config" ? `"$_/pg_config" --includedir-server 2>/dev/null` : ''; chomp $d; $d }
	split /:/, $ENV{PATH};
die "no pg_config on PATH names an existing --includedir-server\n" unless $server;

sub includes {
	my ($f) = @_;
	open my $fh, '<', $f or die "$f: $!";
	my @inc;
	while (<$fh>) {
		push @inc, [$1, $2] if /^\s*#\s*include\s*([<"])([^">]+)[">]/;
	}
	close $fh;
	return @inc;
}

# a quoted include of a core file names the layer: "core/x.h"
sub core_header_ok {
	my ($name) = @_;
	return $name =~ m{^core/[^/]+\.h$} && -f "src/$name";
}

for my $f (sort(glob('src/core/*.c'), glob('src/core/*.h'))) {
	my @bad;
	for my $i (includes($f)) {
		my ($q, $name) = @$i;
		if ($q eq '"') {
			push @bad, "\"$name\" is not a src/core/ header (write \"core/x.h\")"
				unless core_header_ok($name);
		}
		elsif (-e "$server/$name") {
			push @bad, "<$name> is a PostgreSQL server header";
		}
	}
	check(!@bad, "$f: backend-free (only src/core/ and system headers)", @bad);
}

for my $f (sort glob('test/fuzz/fuzz_*.c')) {
	my @bad;
	for my $i (includes($f)) {
		my ($q, $name) = @$i;
		next if $q eq '<' && !-e "$server/$name";
		next if $q eq '"' && ($name eq 'arena.h' || core_header_ok($name));
		push @bad, "$q$name: a fuzz target links src/core/ only";
	}
	check(!@bad, "$f: includes only src/core/ headers", @bad);
}

# include graph of the face headers (src/*.h): no cycle
my %edges;
for my $f (sort glob('src/*.h')) {
	(my $h = $f) =~ s{^src/}{};
	$edges{$h} = [grep { -f "src/$_" } map { $_->[1] } grep { $_->[0] eq '"' } includes($f)];
}
my %state;						# 1: on the path, 2: done
my @cycle;
sub visit {
	my ($h, @path) = @_;
	return if ($state{$h} // 0) == 2;
	if (($state{$h} // 0) == 1) {
		@cycle = (@path, $h) unless @cycle;
		return;
	}
	$state{$h} = 1;
	visit($_, @path, $h) for @{$edges{$h} // []};
	$state{$h} = 2;
}
visit($_) for sort keys %edges;
check(!@cycle, "src/*.h include each other without a cycle",
	  @cycle ? (join(' -> ', @cycle)) : ());

print "1..$n\n";
exit($failed ? 1 : 0);
