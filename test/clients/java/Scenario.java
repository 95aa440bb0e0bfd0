// jTDS scenario for the client-matrix test: prints `key=value` lines that
// the Go test compares. jTDS speaks TDS 7.1 without PRELOGIN by default.
import java.sql.*;

public class Scenario {
    public static void main(String[] args) throws Exception {
        Class.forName("net.sourceforge.jtds.jdbc.Driver");
        String url = "jdbc:jtds:sqlserver://" + args[0] + ":" + args[1] + "/master";
        try (Connection c = DriverManager.getConnection(url, args[2], args[3])) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 AS one, N'h\u00e9llo' AS s, CAST(12.34 AS decimal(10,2)) AS d")) {
                rs.next();
                System.out.println("select=" + rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
            }
            try (PreparedStatement p = c.prepareStatement("SELECT ? + 1, ?")) {
                p.setInt(1, 41);
                p.setString(2, "x'y");
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    System.out.println("params=" + rs.getInt(1) + "|" + rs.getString(2));
                }
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE #t (id int PRIMARY KEY, v nvarchar(20))");
                s.execute("INSERT INTO #t VALUES (1, N'a'), (2, N'b')");
                c.commit();
                s.execute("INSERT INTO #t VALUES (3, N'c')");
                c.rollback();
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM #t")) {
                    rs.next();
                    System.out.println("count=" + rs.getInt(1));
                }
                try {
                    s.execute("THROW 50001, 'boom', 3");
                    System.out.println("error=none");
                } catch (SQLException e) {
                    System.out.println("error=" + e.getErrorCode() + " " + e.getMessage());
                }
            }
        }
        System.out.println("done=ok");
    }
}
