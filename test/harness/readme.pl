#!/usr/bin/perl
# The README's checks (run by test/harness/readme.sh, which builds the demo
# database first).  Prints TAP lines, numbered from --first.
#
#   perl test/harness/readme.pl --db DATABASE [--first N] [README.md]
#
# 1. Every fenced block whose info string is "sql" runs, in the order of the
#    README, each in its own psql session against DATABASE, with
#    ON_ERROR_STOP: it must succeed.  A block marked "sql error" must fail
#    with an ERROR (every statement before the failing one must succeed).
#    A "text" block that follows an sql block (only blank lines between)
#    is that block's output: psql's, as printed by
#      psql -X -q -v ON_ERROR_STOP=1 -v SHOW_CONTEXT=never -P footer=off
#    compared line by line with trailing blanks ignored.  An "sql error"
#    block must be followed by the error it raises.
# 2. Every repository path the README names (src/…, sql/…, test/…,
#    expected/…) exists; a path with a glob or a <placeholder> matches at
#    least one file.
# 3. The lists marked <!-- list:NAME --> (the tables that follow the marks; the first
#    `name` of each row) equal what the database or the code says:
#      reader-views  security_objects() of class public_view, and the views
#                    the BI role frontrunner_reader can SELECT (the grants
#                    setup_roles() made in the blocks before)
#      views, tables the extension's views and tables
#      errors        every SQLSTATE the code raises (src/, sql/install/),
#                    and nothing the code does not raise except what
#                    PostgreSQL raises for the extension's constraints,
#                    row-level security and serialisation
# 4. Every function of security_objects() a user may call (every class but
#    trigger) is named in the README.
#
# FR_README_ACTUAL=DIR writes each block's actual output to DIR/<line>.out.
use strict;
use warnings;
use File::Temp qw(tempfile);
use Getopt::Long;
use Encode qw(decode encode);

my ($db, $first) = (undef, 1);
GetOptions('db=s' => \$db, 'first=i' => \$first) or die "usage: readme.pl --db DB [--first N] [README.md]\n";
die "readme.pl: --db is required\n" unless defined $db;
my $readme = shift // 'README.md';
my $actual_dir = $ENV{FR_README_ACTUAL};

my $n = $first - 1;
my $failed = 0;
sub ok {
    my ($pass, $name, @diag) = @_;
    $n++;
    print(($pass ? 'ok' : 'not ok') . " $n - $name\n");
    if (!$pass) {
        $failed++;
        print "# $_\n" for map { split /\n/ } @diag;
    }
}

sub psql_lines {
    my ($sql) = @_;
    open(my $fh, '-|', 'psql', '-X', '-qAt', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-c', $sql)
        or die "readme.pl: cannot run psql: $!\n";
    my @out = map { chomp; $_ } <$fh>;
    close $fh or die "readme.pl: psql failed on: $sql\n";
    return @out;
}

sub normalise {
    my @l = map { s/\s+$//r } split /\n/, $_[0];
    shift @l while @l && $l[0] eq '';
    pop @l while @l && $l[-1] eq '';
    return join("\n", @l);
}

# ------------------------------------------------------------- the README
open(my $in, '<', $readme) or die "readme.pl: $readme: $!\n";
my @lines = <$in>;
close $in;

# fenced blocks: { line, lang, info, text, end }
my @blocks;
for (my $i = 0; $i < @lines; $i++) {
    next unless $lines[$i] =~ /^```(\S*)[ \t]*(.*?)\s*$/ && $1 ne '';
    my ($lang, $info, $start) = ($1, $2, $i + 1);
    my $text = '';
    for ($i++; $i < @lines && $lines[$i] !~ /^```\s*$/; $i++) {
        $text .= $lines[$i];
    }
    push @blocks, { line => $start, lang => $lang, info => $info, text => $text, end => $i + 1 };
}

# 1. sql blocks ------------------------------------------------------------
for (my $b = 0; $b < @blocks; $b++) {
    my $blk = $blocks[$b];
    next unless $blk->{lang} eq 'sql';
    my $want_error = $blk->{info} =~ /\berror\b/;
    my $expected;
    if ($b + 1 < @blocks && $blocks[$b + 1]{lang} eq 'text'
        && !grep { /\S/ } @lines[$blk->{end} .. $blocks[$b + 1]{line} - 2]) {
        $expected = $blocks[$b + 1]{text};
    }
    my ($fh, $file) = tempfile(UNLINK => 1);
    print $fh $blk->{text};
    close $fh;
    my $out = `psql -X -q -v ON_ERROR_STOP=1 -v SHOW_CONTEXT=never -P pager=off -P footer=off -d '$db' < '$file' 2>&1`;
    my $rc = $? >> 8;
    if ($actual_dir) {
        open(my $a, '>', "$actual_dir/$blk->{line}.out") or die "readme.pl: $actual_dir: $!\n";
        print $a $out;
        close $a;
    }
    my $where = "$readme:$blk->{line}";
    if ($want_error) {
        ok($rc == 3 && $out =~ /^ERROR:/m, "$where: sql block fails as marked", "exit status $rc; output:", $out);
        ok(0, "$where: an \"sql error\" block is followed by the error it raises") unless defined $expected;
    } else {
        ok($rc == 0, "$where: sql block runs", "exit status $rc; output:", $out);
    }
    if (defined $expected) {
        my ($e, $g) = (normalise($expected), normalise($out));
        my @diag;
        if ($e ne $g) {
            my ($ef, $ename) = tempfile(UNLINK => 1);
            my ($gf, $gname) = tempfile(UNLINK => 1);
            print $ef "$e\n";
            print $gf "$g\n";
            close $ef;
            close $gf;
            @diag = ("output differs (--- README, +++ psql):", `diff -u '$ename' '$gname' | tail -n +3`);
        }
        ok($e eq $g, "$where: output as shown", @diag);
    }
}

# 2. repository paths ------------------------------------------------------
my %paths;
for my $l (@lines) {
    while ($l =~ m{(?<![\w./-])((?:src|sql|test|expected)/[\w./*<>\[\]-]*)}g) {
        (my $p = $1) =~ s/[.,:]+$//;
        $paths{$p} = 1;
    }
}
for my $p (sort keys %paths) {
    my $pattern = $p =~ s/<[^>]*>/*/gr;
    my @hits = $pattern =~ /[*\[]/ ? glob($pattern) : (-e $pattern ? ($pattern) : ());
    ok(scalar(@hits), "$readme names $p, which exists");
}

# 3. lists -----------------------------------------------------------------
sub readme_list {
    my ($name) = @_;
    my @names;
    my $found = 0;
    # every table marked with the name (a list may be given as several)
    for (my $i = 0; $i < @lines; $i++) {
        next unless $lines[$i] =~ /<!--\s*list:\Q$name\E\s*-->/;
        $found = 1;
        my $j = $i + 1;
        for (; $j < @lines && $lines[$j] =~ /^\s*(?:<!--.*-->\s*)?$/; $j++) { }   # blanks, other markers
        for (; $j < @lines && $lines[$j] =~ /^\|/; $j++) {
            next if $lines[$j] =~ /^\|[\s|:-]+$/;           # separator
            my ($cell) = $lines[$j] =~ /^\|([^|]*)/;
            push @names, $1 if $cell =~ /`([^`]+)`/;
        }
        # (the header row's first cell has no backquotes)
    }
    return undef unless $found;
    return [sort @names];
}

sub same_set {
    my ($what, $readme_names, $want, $extra_ok) = @_;
    if (!defined $readme_names) {
        ok(0, "$readme has the list $what", "no <!-- list:$what --> marker");
        return;
    }
    my %r = map { $_ => 1 } @$readme_names;
    my %w = map { $_ => 1 } @$want;
    my @missing = grep { !$r{$_} } sort keys %w;
    my @extra = grep { !$w{$_} && !($extra_ok && $extra_ok->{$_}) } sort keys %r;
    my %seen;
    my @dups = grep { $seen{$_}++ == 1 } @$readme_names;
    ok(!@missing && !@extra && !@dups,
       "$readme list $what: " . scalar(@$readme_names) . " names, as the extension says",
       (@missing ? "missing from the README: @missing" : ()),
       (@extra ? "in the README but not in the extension: @extra" : ()),
       (@dups ? "listed twice: @dups" : ()));
}

same_set('reader-views', readme_list('reader-views'),
         [psql_lines("SELECT name FROM frontrunner.security_objects() WHERE class = 'public_view'")]);
# and from the grants: what frontrunner_reader can SELECT (setup_roles() ran in the blocks above)
same_set('reader-views (the grants)', readme_list('reader-views'),
         [psql_lines("SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relkind IN ('v', 'm') AND has_table_privilege('frontrunner_reader', c.oid, 'SELECT')")]);
same_set('views', readme_list('views'),
         [psql_lines("SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'frontrunner' WHERE c.relkind = 'v'")]);
same_set('tables', readme_list('tables'),
         [psql_lines("SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'frontrunner' WHERE c.relkind IN ('r', 'p')")]);

# SQLSTATEs the code raises: C ERRCODE_… macros, SQL ERRCODE = '…' (a code
# or a condition name), sqlstate := '…' (reported by import_disclosures),
# and 'FR0nn' (also passed to trigger functions as arguments).
my $sharedir = `pg_config --sharedir`;
chomp $sharedir;
my (%by_macro, %by_name);
if (open(my $ec, '<', "$sharedir/errcodes.txt")) {
    while (<$ec>) {
        next unless /^([0-9A-Z]{5})\s+[EWS]\s+(ERRCODE_\w+)(?:\s+(\w+))?/;
        $by_macro{$2} = $1;
        $by_name{$3} = $1 if defined $3;
    }
    close $ec;
}
my %raised;
my @sources = (glob('sql/install/*.sql'), split(/\n/, `find src -name '*.[ch]'`));
for my $f (@sources) {
    open(my $fh, '<', $f) or next;
    local $/;
    my $text = <$fh>;
    close $fh;
    my $where = $f;
    for my $m ($text =~ /errcode\((ERRCODE_\w+)\)/g) {
        $raised{$by_macro{$m} // "unknown $m"}{$where} = 1;
    }
    for my $m ($text =~ /return (ERRCODE_\w+);/g) {        # the FrErrCode → SQLSTATE map
        $raised{$by_macro{$m} // "unknown $m"}{$where} = 1;
    }
    for my $m ($text =~ /ERRCODE\s*=\s*'([^']+)'/gi, $text =~ /sqlstate\s*:=\s*'([0-9A-Z]{5})'/g) {
        my $code = $m =~ /^[0-9A-Z]{5}$/ ? $m : ($by_name{$m} // "unknown $m");
        $raised{$code}{$where} = 1;
    }
    for my $m ($text =~ /'(FR0\d\d)'/g) {
        $raised{$m}{$where} = 1;
    }
}
ok(scalar(%by_macro) && scalar(%raised), "the SQLSTATEs the code raises are known",
   "$sharedir/errcodes.txt not readable or nothing found in src/ and sql/install/");
# raised by PostgreSQL for the extension's objects, not by its code
my %by_postgres = map { $_ => 1 } qw(23502 23503 23505 23514 40001 42501);
same_set('errors', readme_list('errors'), [keys %raised], \%by_postgres);

# 4. functions -------------------------------------------------------------
my $all = join('', @lines);
my @undocumented = grep { $all !~ /`\Q$_\E[`(]/ }
    psql_lines("SELECT DISTINCT name FROM frontrunner.security_objects() WHERE kind = 'function' AND class <> 'trigger' ORDER BY 1");
ok(!@undocumented, "$readme names every function a user may call",
   "not named (as `name` or `name(…)`): @undocumented");

# 5. links to headings -----------------------------------------------------
# GitHub's anchors: the heading text in lower case, without punctuation
# other than - and _, spaces as -, -1, -2 … for repeats.
my (%anchors, $fence);
for my $l (@lines) {
    $fence = !$fence if $l =~ /^```/;
    next if $fence || $l !~ /^#+\s+(.*?)\s*$/;
    my $slug = lc(decode('UTF-8', $1));
    $slug =~ s/[^\p{L}\p{N}\p{M} _-]//g;
    $slug =~ s/ /-/g;
    my $s = $slug;
    for (my $k = 1; $anchors{$s}; $k++) { $s = "$slug-$k"; }
    $anchors{$s} = 1;
}
my @broken = grep { !$anchors{$_} } map { decode('UTF-8', $_) } ($all =~ /\]\(#([^)\s]+)\)/g);
ok(!@broken, "$readme: every #anchor link leads to a heading",
   "no heading for: " . join(' ', map { encode('UTF-8', $_) } @broken));

print "# $readme: " . ($n - $first + 1) . " checks, $failed failed\n";
exit($failed ? 1 : 0);
