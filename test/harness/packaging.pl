#!/usr/bin/perl
# Packaging metadata, as TAP: META.json against the PGXN Meta Spec v1.0.0
# (a validator of its own below: every key the spec defines, its type and
# form, no keys it does not define but x_/X_ ones), its versions against
# frontrunner.control, the files it names, and debian/ (changelog version,
# debian/control generated from control.in, pgversions).  The validator is
# also shown broken documents, which it must refuse.
#
#   perl test/harness/packaging.pl [META.json]
use strict;
use warnings;
use utf8;
use JSON::PP;
use FindBin;

chdir "$FindBin::Bin/../.." or die "chdir: $!";
binmode STDOUT, ':encoding(UTF-8)';

my $n = 0;
my $failed = 0;
sub ok {
	my ($pass, $name, @diag) = @_;
	$n++;
	print $pass ? "ok $n - $name\n" : "not ok $n - $name\n";
	unless ($pass) { $failed++; print "#   $_\n" for @diag; }
	return $pass;
}
sub slurp {
	my ($file) = @_;
	open my $fh, '<:raw', $file or return undef;
	local $/;
	return scalar <$fh>;
}

# ---------------------------------------------------------------- the spec
my $SEMVER = qr/(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)
                (?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?
                (?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?/x;
my $TERM = qr/^[^\/\\\p{Space}\p{Cntrl}]{2,}$/;
my $TAG = qr/^[^\/\\\p{Cntrl}]{2,}$/;
my %LICENSES = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd
	freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1
	openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source restricted unrestricted unknown);
my %PHASES = map { $_ => 1 } qw(configure build test runtime develop);
my %RELATIONS = map { $_ => 1 } qw(requires recommends suggests conflicts);

sub is_str { my ($v) = @_; return defined $v && !ref $v && !JSON::PP::is_bool($v); }
sub is_obj { return ref $_[0] eq 'HASH'; }
sub is_arr { return ref $_[0] eq 'ARRAY'; }
sub unique { my %s; return !grep { $s{$_}++ } @{ $_[0] }; }

# errors of an object's keys: only the allowed ones and x_…
sub keys_errors {
	my ($where, $obj, @allowed) = @_;
	my %ok = map { $_ => 1 } @allowed;
	return map { "$where: unknown key \"$_\"" } grep { !$ok{$_} && !/^[xX]_./ } sort keys %$obj;
}
sub path_ok { my ($v) = @_; return is_str($v) && length($v) >= 2 && $v !~ m{^/} && $v !~ m{(^|/)\.\.(/|$)}; }
# a version range: a version, 0 (any), or comparisons joined by commas
# (the number 0 and the string "0" decode alike)
sub version_range_ok {
	my ($v) = @_;
	return 0 unless is_str($v);
	my $one = qr/(?:(?:[=!]=|[<>]=?)\s*)?$SEMVER/;
	return $v =~ /^(?:(?:(?:[=!]=|[<>]=?)\s*)?(?:$SEMVER|0))(?:,\s*$one)*$/;
}

sub validate_meta {
	my ($m) = @_;
	my @e;
	return ('the document is not a JSON object') unless is_obj($m);
	for my $k (qw(name version abstract maintainer license provides meta-spec)) {
		push @e, "required key \"$k\" is missing" unless exists $m->{$k};
	}
	push @e, keys_errors('top level', $m, qw(name version abstract maintainer license provides
		meta-spec description generated_by tags no_index prereqs release_status resources));
	push @e, 'name must be a term (2+ characters, no slash, backslash, space or control)'
		if exists $m->{name} && !(is_str($m->{name}) && $m->{name} =~ $TERM);
	push @e, "version \"" . ($m->{version} // '') . "\" is not a semantic version"
		if exists $m->{version} && !(is_str($m->{version}) && $m->{version} =~ /^$SEMVER$/);
	for my $k (qw(abstract description generated_by)) {
		push @e, "$k must be a non-empty string"
			if exists $m->{$k} && !(is_str($m->{$k}) && length $m->{$k});
	}
	if (exists $m->{maintainer}) {
		my $v = $m->{maintainer};
		push @e, 'maintainer must be a non-empty string or a list of unique ones'
			unless (is_str($v) && length $v)
			|| (is_arr($v) && @$v && unique($v) && !grep { !(is_str($_) && length $_) } @$v);
	}
	if (exists $m->{license}) {
		my $v = $m->{license};
		my $ok = (is_str($v) && $LICENSES{$v})
			|| (is_arr($v) && @$v && unique($v) && !grep { !(is_str($_) && $LICENSES{$_}) } @$v)
			|| (is_obj($v) && %$v && !grep { !(is_str($_) && m{^[a-z][a-z0-9+.-]*:\S+$}i) } values %$v);
		push @e, 'license must be a license the spec names (e.g. postgresql, unknown), a list of them, or an object of URLs'
			unless $ok;
	}
	if (exists $m->{provides}) {
		my $p = $m->{provides};
		if (!is_obj($p) || !%$p) {
			push @e, 'provides must be an object naming at least one extension';
		} else {
			for my $ext (sort keys %$p) {
				my $x = $p->{$ext};
				push @e, "provides: \"$ext\" is not a term" unless $ext =~ $TERM;
				if (!is_obj($x)) { push @e, "provides.$ext must be an object"; next; }
				push @e, keys_errors("provides.$ext", $x, qw(file version abstract docfile docpath));
				push @e, "provides.$ext.file is required and must be a relative path" unless path_ok($x->{file});
				push @e, "provides.$ext.version must be a semantic version"
					unless is_str($x->{version}) && $x->{version} =~ /^$SEMVER$/;
				push @e, "provides.$ext.docfile must be a relative path"
					if exists $x->{docfile} && !path_ok($x->{docfile});
				for my $k (qw(abstract docpath)) {
					push @e, "provides.$ext.$k must be a non-empty string"
						if exists $x->{$k} && !(is_str($x->{$k}) && length $x->{$k});
				}
			}
		}
	}
	if (exists $m->{'meta-spec'}) {
		my $s = $m->{'meta-spec'};
		if (!is_obj($s)) {
			push @e, 'meta-spec must be an object';
		} else {
			push @e, keys_errors('meta-spec', $s, qw(version url));
			push @e, 'meta-spec.version must be 1.0.x'
				unless is_str($s->{version}) && $s->{version} =~ /^1\.0\.[0-9]+$/;
			push @e, 'meta-spec.url must be the spec\'s (https://pgxn.org/meta/spec.txt)'
				if exists $s->{url} && !(is_str($s->{url}) && $s->{url} =~ m{^https?://pgxn\.org/meta/spec\.txt$});
		}
	}
	if (exists $m->{tags}) {
		my $t = $m->{tags};
		push @e, 'tags must be a list of unique strings of 2 to 255 characters, no slash, backslash or control'
			unless is_arr($t) && @$t && unique($t)
			&& !grep { !(is_str($_) && length($_) <= 255 && $_ =~ $TAG) } @$t;
	}
	if (exists $m->{release_status}) {
		push @e, 'release_status must be stable, testing or unstable'
			unless is_str($m->{release_status}) && $m->{release_status} =~ /^(stable|testing|unstable)$/;
	}
	if (exists $m->{prereqs}) {
		my $p = $m->{prereqs};
		if (!is_obj($p) || !%$p) {
			push @e, 'prereqs must be an object with at least one phase';
		} else {
			push @e, keys_errors('prereqs', $p, keys %PHASES);
			for my $ph (grep { $PHASES{$_} } sort keys %$p) {
				my $r = $p->{$ph};
				if (!is_obj($r) || !grep { $RELATIONS{$_} } keys %$r) {
					push @e, "prereqs.$ph must be an object with requires, recommends, suggests or conflicts";
					next;
				}
				push @e, keys_errors("prereqs.$ph", $r, keys %RELATIONS);
				for my $rel (grep { $RELATIONS{$_} } sort keys %$r) {
					my $deps = $r->{$rel};
					if (!is_obj($deps) || !%$deps) { push @e, "prereqs.$ph.$rel must name at least one prerequisite"; next; }
					for my $d (sort keys %$deps) {
						push @e, "prereqs.$ph.$rel: \"$d\" is not a term" unless $d =~ $TERM;
						push @e, "prereqs.$ph.$rel.$d: \"" . ($deps->{$d} // 'null') . "\" is not a version range"
							unless version_range_ok($deps->{$d});
					}
				}
			}
		}
	}
	if (exists $m->{no_index}) {
		my $x = $m->{no_index};
		if (!is_obj($x) || !(exists $x->{file} || exists $x->{directory})) {
			push @e, 'no_index must be an object with file or directory';
		} else {
			push @e, keys_errors('no_index', $x, qw(file directory));
			for my $k (grep { exists $x->{$_} } qw(file directory)) {
				my $v = $x->{$k};
				push @e, "no_index.$k must be a path or a list of unique paths"
					unless path_ok($v) || (is_arr($v) && @$v && unique($v) && !grep { !path_ok($_) } @$v);
			}
		}
	}
	if (exists $m->{resources}) {
		my $r = $m->{resources};
		if (!is_obj($r) || !grep { exists $r->{$_} } qw(homepage bugtracker repository)) {
			push @e, 'resources must be an object with homepage, bugtracker or repository';
		} else {
			push @e, keys_errors('resources', $r, qw(homepage bugtracker repository));
			my $uri = qr{^[a-z][a-z0-9+.-]*:\S+$}i;
			push @e, 'resources.homepage must be a URI' if exists $r->{homepage} && !(is_str($r->{homepage}) && $r->{homepage} =~ $uri);
			for my $k (qw(bugtracker repository)) {
				next unless exists $r->{$k};
				my $o = $r->{$k};
				my @allowed = $k eq 'bugtracker' ? qw(web mailto) : qw(url web type);
				if (!is_obj($o) || !grep { exists $o->{$_} } @allowed[0 .. 1]) {
					push @e, "resources.$k must be an object with " . join(' or ', @allowed[0 .. 1]);
					next;
				}
				push @e, keys_errors("resources.$k", $o, @allowed);
				for my $f (grep { exists $o->{$_} } @allowed) {
					my $good = $f eq 'mailto' ? is_str($o->{$f}) && $o->{$f} =~ /^[^@\s]+@[^@\s]+$/
						: $f eq 'type' ? is_str($o->{$f}) && $o->{$f} =~ /^[a-z]+$/
						: is_str($o->{$f}) && $o->{$f} =~ $uri;
					push @e, "resources.$k.$f is malformed" unless $good;
				}
			}
		}
	}
	return @e;
}

# ---------------------------------------------------------------- the checks
my $file = shift // 'META.json';
my $raw = slurp($file);
my $meta = eval { JSON::PP->new->utf8->decode($raw // die "cannot read $file\n") };
ok(defined $meta, "$file is JSON", $@ ? $@ =~ s/\s+$//r : ());
$meta //= {};

my @errors = validate_meta($meta);
ok(!@errors, "$file follows the PGXN Meta Spec v1.0.0", @errors);

my ($control_version) = (slurp('frontrunner.control') // '') =~ /^default_version\s*=\s*'([^']*)'/m;
ok(defined $control_version, "frontrunner.control names default_version");
$control_version //= '';
ok(($meta->{version} // '') eq $control_version,
   "$file version is the release's (frontrunner.control: $control_version)",
   "META.json has \"" . ($meta->{version} // '') . "\"");
my $ext = is_obj($meta->{provides}) ? $meta->{provides}{frontrunner} : undef;
ok(is_obj($ext) && ($ext->{version} // '') eq $control_version,
   "$file provides frontrunner at $control_version");
ok(is_obj($ext) && defined $ext->{file} && -f $ext->{file}
   && (!defined $ext->{docfile} || -f $ext->{docfile}),
   "$file names files that exist (provides.frontrunner.file, docfile)");

# debian/
my $changelog = slurp('debian/changelog') // '';
my ($deb_version) = $changelog =~ /^frontrunner \(([^)]+)\)/;
ok(defined $deb_version && $deb_version =~ /^\Q$control_version\E-\d+$/,
   "debian/changelog's version is the release's ($control_version-N)",
   'debian/changelog has ' . ($deb_version // 'no version'));
my $pgversions = slurp('debian/pgversions') // '';
my @pgv = grep { !/^#/ && /\S/ } split /\n/, $pgversions;
ok(@pgv == 1 && $pgv[0] =~ /^15\+$/, 'debian/pgversions: PostgreSQL 15 and later', @pgv);
# debian/control is control.in with the package stanza once per major
my $in = slurp('debian/control.in') // '';
my $control = slurp('debian/control') // '';
my @in = split /\n\n+/, $in =~ s/\n+$//r;
my @out = split /\n\n+/, $control =~ s/\n+$//r;
my @majors = map { /^Package: postgresql-(\d+)-frontrunner$/m ? $1 : () } @out;
my @expect = ($in[0] =~ s/PGVERSION/$majors[-1] \/\/ ''/ger);
for my $v (@majors) { push @expect, map { s/PGVERSION/$v/gr } grep { /^Package: .*PGVERSION/m } @in; }
ok(@majors && join("\n\n", @expect) eq join("\n\n", @out),
   'debian/control is debian/control.in for its majors (' . join(', ', @majors) . '): pg_buildext updatecontrol');

# the validator refuses what the spec refuses
my %bad = (
	'no license'              => sub { delete $_[0]{license} },
	'a license it does not name' => sub { $_[0]{license} = 'gplv3' },
	'version 0.2'             => sub { $_[0]{version} = '0.2' },
	'an unknown key'          => sub { $_[0]{homepage} = 'https://example.org' },
	'a provides without file' => sub { delete $_[0]{provides}{frontrunner}{file} },
	'a name with a space'     => sub { $_[0]{name} = 'front runner' },
	'meta-spec 2.0.0'         => sub { $_[0]{'meta-spec'}{version} = '2.0.0' },
	'a prereq version 15'     => sub { $_[0]{prereqs}{runtime}{requires}{PostgreSQL} = '15' },
	'a phase "install"'       => sub { $_[0]{prereqs}{install} = { requires => { foo => 0 } } },
	'release_status "final"'  => sub { $_[0]{release_status} = 'final' },
);
my $json = JSON::PP->new->canonical;
for my $case (sort keys %bad) {
	my $copy = $json->decode($json->encode($meta));
	$bad{$case}->($copy);
	my @e = validate_meta($copy);
	ok(scalar @e, "the validator refuses $file with $case", 'no error reported');
}

print "1..$n\n";
exit($failed ? 1 : 0);
