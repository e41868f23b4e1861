// pgJDBC (Debian libpostgresql-jdbc-java) with its default settings:
// setString binds a varchar parameter, setLong a bigint.  The cases of
// cases.txt, the reader's views (ResultSetMetaData: no Types.OTHER), the
// type the server gave a setString parameter, progress as SQLWarnings, the
// streaming cursor.  Prints TAP; run by test/clients/run.sh (javac, then
// java -cp /usr/share/java/postgresql.jar:DIR ClientTest).

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public class ClientTest {
    static int n = 0, failed = 0;
    static String prefix;
    static final Map<String, Connection> conns = new HashMap<>();

    static boolean ok(boolean cond, String what, String... diag) {
        n++;
        System.out.println((cond ? "ok " : "not ok ") + n + " - " + prefix + ": " + what);
        if (!cond) {
            failed++;
            for (String d : diag)
                for (String line : String.valueOf(d).split("\n"))
                    System.out.println("#   " + line);
        }
        return cond;
    }

    static Connection conn(String role) throws SQLException {
        Connection c = conns.get(role);
        if (c == null) {
            String url = "jdbc:postgresql://127.0.0.1:" + System.getenv("PGPORT") + "/" + System.getenv("FR_DB");
            c = DriverManager.getConnection(url, System.getenv("FR_LOGIN_" + role.toUpperCase()), "");
            conns.put(role, c);
        }
        return c;
    }

    static String text(String v) { return v == null ? "\\N" : v; }

    static class Case {
        Map<String, String> f = new HashMap<>();
        List<String[]> params = new ArrayList<>();
        List<String> rows = new ArrayList<>();
    }

    static List<Case> load(Path p) throws Exception {
        List<Case> out = new ArrayList<>();
        Case cur = null;
        List<String> lines = new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        lines.add("");
        for (String line : lines) {
            if (line.startsWith("#")) continue;
            if (line.isBlank()) { if (cur != null) out.add(cur); cur = null; continue; }
            if (cur == null) cur = new Case();
            int i = line.indexOf(": ");
            String key = line.substring(0, i), value = line.substring(i + 2);
            if (key.equals("str") || key.equals("int")) cur.params.add(new String[] {key, value});
            else if (key.equals("row")) cur.rows.add(value);
            else cur.f.put(key, value);
        }
        return out;
    }

    static void runCases(Path file) throws Exception {
        Map<String, String> saved = new HashMap<>();
        Pattern ph = Pattern.compile("\\$(\\d+)"), var = Pattern.compile("\\$\\{(\\w+)\\}");
        for (Case c : load(file)) {
            String what = c.f.get("case");
            List<Integer> order = new ArrayList<>();
            Matcher m = ph.matcher(c.f.get("sql"));
            StringBuilder sql = new StringBuilder();
            while (m.find()) { order.add(Integer.parseInt(m.group(1)) - 1); m.appendReplacement(sql, "?"); }
            m.appendTail(sql);
            Connection cn = conn(c.f.get("as"));
            List<String> got = new ArrayList<>();
            int affected = -1;
            try (PreparedStatement st = cn.prepareStatement(sql.toString())) {
                for (int k = 0; k < order.size(); k++) {
                    String[] p = c.params.get(order.get(k));
                    Matcher vm = var.matcher(p[1]);
                    String v = vm.replaceAll(r -> Matcher.quoteReplacement(String.valueOf(saved.get(r.group(1)))));
                    if (p[0].equals("int")) st.setLong(k + 1, Long.parseLong(v));
                    else st.setString(k + 1, v);
                }
                if (st.execute()) {
                    try (ResultSet rs = st.getResultSet()) {
                        int cols = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<String> r = new ArrayList<>();
                            for (int i = 1; i <= cols; i++) r.add(text(rs.getString(i)));
                            got.add(String.join(" | ", r));
                            if (c.f.containsKey("save") && got.size() == 1) saved.put(c.f.get("save"), rs.getString(1));
                        }
                    }
                } else {
                    affected = st.getUpdateCount();
                }
            } catch (PSQLException e) {
                ServerErrorMessage s = e.getServerErrorMessage();
                String state = e.getSQLState(), msg = s == null ? e.getMessage() : s.getMessage(),
                       detail = s == null ? null : s.getDetail();
                String[] diag = {"got " + state + ": " + msg, "DETAIL: " + detail};
                if (!c.f.containsKey("error")) { ok(false, what, diag); continue; }
                boolean good = c.f.get("error").equals(state);
                if (c.f.containsKey("message")) good &= msg != null && Pattern.compile(c.f.get("message")).matcher(msg).find();
                if (c.f.containsKey("detail")) good &= detail != null && Pattern.compile(c.f.get("detail")).matcher(detail).find();
                ok(good, what + " (" + c.f.get("error") + ")", diag);
                continue;
            }
            if (c.f.containsKey("error")) { ok(false, what, "no error; expected " + c.f.get("error")); continue; }
            boolean good = c.rows.isEmpty() || got.equals(c.rows);
            if (c.f.containsKey("rows")) good &= got.size() == Integer.parseInt(c.f.get("rows"));
            if (c.f.containsKey("affected")) good &= affected == Integer.parseInt(c.f.get("affected"));
            ok(good, what, "got rows: " + got, "expected: " + c.rows, "affected: " + affected);
        }
    }

    // the JDBC types of the plain column types; Types.OTHER is what a BI
    // tool cannot read (a domain type, an enum, jsonb)
    static final Set<Integer> PLAIN = Set.of(Types.VARCHAR, Types.NUMERIC, Types.BIGINT, Types.INTEGER,
                                             Types.BIT, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP,
                                             Types.TIMESTAMP_WITH_TIMEZONE);

    static List<String> nonPlain(Connection cn, String relation) throws SQLException {
        List<String> bad = new ArrayList<>();
        try (Statement st = cn.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM frontrunner." + relation + " LIMIT 50")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++)
                if (!PLAIN.contains(md.getColumnType(i)))
                    bad.add(md.getColumnName(i) + " " + md.getColumnTypeName(i) + " (java.sql.Types " + md.getColumnType(i) + ")");
            while (rs.next()) for (int i = 1; i <= md.getColumnCount(); i++) rs.getObject(i);
        }
        return bad;
    }

    static void readerViews() throws SQLException {
        Connection cn = conn("reader");
        List<String> views = new ArrayList<>();
        try (Statement st = cn.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_catalog.pg_class c"
                 + " WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace AND c.relkind IN ('v', 'm')"
                 + " AND pg_catalog.has_table_privilege(c.oid, 'SELECT') ORDER BY 1")) {
            while (rs.next()) views.add(rs.getString(1));
        }
        ok(views.size() >= 13, "the reader may read " + views.size() + " views (the grants say which)", views.toString());
        for (String v : views) {
            List<String> bad = nonPlain(cn, v);
            ok(bad.isEmpty(), "view " + v + ": ResultSetMetaData has no Types.OTHER, only plain types", bad.toArray(new String[0]));
        }
        List<String> typed = nonPlain(conn("regulator"), "benchmark_pair_typed");
        ok(typed.stream().anyMatch(s -> s.contains("Types " + Types.OTHER)),
           "the same check finds Types.OTHER in benchmark_pair_typed (not a reader view)", typed.toString());
    }

    // pgJDBC names a server-side statement after prepareThreshold (5) runs
    static void boundAs() throws SQLException {
        Connection cn = conn("enterprise");
        String sql = "SELECT count(*) FROM frontrunner.disclosure WHERE enterprise = ?";
        try (PreparedStatement st = cn.prepareStatement(sql)) {
            for (int i = 0; i < 6; i++) {
                st.setString(1, "91110108558521630L");
                try (ResultSet rs = st.executeQuery()) { rs.next(); }
            }
        }
        String got = null;
        try (Statement st = cn.createStatement();
             ResultSet rs = st.executeQuery("SELECT parameter_types::text FROM pg_prepared_statements WHERE statement LIKE '%enterprise = $1'")) {
            if (rs.next()) got = rs.getString(1);
        }
        ok("{\"character varying\"}".equals(got), "setString: the server typed the parameter " + got + " (varchar)");
    }

    static void progressAndStream() throws SQLException {
        Connection cn = conn("agency");
        int total;
        List<String> seen = new ArrayList<>();
        try (Statement st = cn.createStatement()) {
            st.execute("SET frontrunner.progress = notice");
            try (PreparedStatement ps = cn.prepareStatement("SELECT count(*) FROM frontrunner.rank_plan(?)")) {
                ps.setString(1, "BJ-2026-TEX");
                try (ResultSet rs = ps.executeQuery()) { rs.next(); total = rs.getInt(1); }
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) seen.add(w.getMessage());
            }
            st.execute("RESET frontrunner.progress");
        }
        boolean start = seen.stream().anyMatch(s -> s.matches("^progress: rank_plan\\('BJ-2026-TEX'\\): \\d+ core indicators, .*"));
        boolean end = seen.stream().anyMatch(s -> s.matches("^progress: rank_plan\\('BJ-2026-TEX'\\): " + total + " eligible disclosures ranked in [0-9.]+ s$"));
        ok(start && end, "frontrunner.progress = notice: the progress of rank_plan() reaches the client as SQLWarnings", seen.toString());

        cn.setAutoCommit(false);
        List<Integer> ranks = new ArrayList<>();
        int fetches = 0;
        try (PreparedStatement ps = cn.prepareStatement("SELECT frontrunner.rank_plan_cursor(?, 'ranks')");
             Statement st = cn.createStatement()) {
            ps.setString(1, "BJ-2026-TEX");
            ps.executeQuery().close();
            while (true) {
                int before = ranks.size();
                try (ResultSet rs = st.executeQuery("FETCH 100 FROM ranks")) { while (rs.next()) ranks.add(rs.getInt("rank")); }
                if (ranks.size() == before) break;
                fetches++;
            }
        }
        cn.commit();
        cn.setAutoCommit(true);
        boolean inOrder = ranks.size() == total;
        for (int i = 0; inOrder && i < ranks.size(); i++) inOrder = ranks.get(i) == i + 1;
        ok(inOrder && fetches == (total + 99) / 100,
           "rank_plan_cursor(): " + ranks.size() + " rows in " + fetches + " fetches of 100, ranks 1 to " + total + " in order");
    }

    public static void main(String[] args) throws Exception {
        prefix = "pgJDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION;
        runCases(Path.of(args[0]));
        boundAs();
        readerViews();
        progressAndStream();
        for (Connection c : conns.values()) c.close();
        System.exit(failed == 0 ? 0 : 1);
    }
}
