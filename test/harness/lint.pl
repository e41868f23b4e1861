#!/usr/bin/perl
# Script checks on the install script parts (sql/install/*.sql), printed as
# TAP lines so the suite counts them:
#   - no CREATE OR REPLACE, no IF NOT EXISTS (an extension script must not
#     adopt objects someone planted before it);
#   - @extschema@ never inside a quoted string or a dollar-quoted body;
#   - every SQL and PL/pgSQL function pins its search_path;
#   - every function, type, table and view has a COMMENT.
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
	@bad = ($code =~ /(IF\s+NOT\s+EXISTS[^\n]*)/gi);
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

# every created function / type / table / view is commented somewhere
my $code = $all;
$code =~ s/--[^\n]*//g;
my (%made, %commented);
while ($code =~ /CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|PROCEDURE|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED\s+VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?([@\w.]+)/gi) {
	(my $kind = uc $1) =~ s/\s+/ /g;
	$kind = 'FUNCTION' if $kind eq 'PROCEDURE';
	$made{"$kind $2"} = 1;
}
while ($code =~ /COMMENT\s+ON\s+(FUNCTION|PROCEDURE|AGGREGATE|TYPE|TABLE|VIEW|MATERIALIZED\s+VIEW)\s+([@\w.]+)/gi) {
	(my $kind = uc $1) =~ s/\s+/ /g;
	$kind = 'FUNCTION' if $kind eq 'PROCEDURE';
	$commented{"$kind $2"} = 1;
}
my @nocomment = grep { !$commented{$_} } sort keys %made;
check(!@nocomment, "every function, type, table and view has a COMMENT", @nocomment);

print "1..$n\n";
exit($failed ? 1 : 0);
