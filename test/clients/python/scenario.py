"""pymssql scenario for the client-matrix test: prints one `key=value` line
per check; the Go test compares them. Run with Debian's /usr/bin/python3."""
import sys
import pymssql

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
conn = pymssql.connect(server=host, port=port, user=user, password=password, database="master", autocommit=False)
cur = conn.cursor()
cur.execute("SELECT 1 AS one, N'h\u00e9llo' AS s, CAST(12.34 AS decimal(10,2)) AS d")
row = cur.fetchone()
print("select=%r|%s|%s" % (row[0], row[1], row[2]))
cur.execute("SELECT %s + 1, %s", (41, "x'y"))
row = cur.fetchone()
print("params=%r|%s" % (row[0], row[1]))
cur.execute("CREATE TABLE #t (id int PRIMARY KEY, v nvarchar(20))")
cur.execute("INSERT INTO #t VALUES (1, N'a'), (2, N'b')")
conn.commit()
cur.execute("INSERT INTO #t VALUES (3, N'c')")
conn.rollback()
cur.execute("SELECT COUNT(*) FROM #t")
print("count=%r" % cur.fetchone()[0])
try:
    cur.execute("THROW 50001, 'boom', 3")
    print("error=none")
except pymssql.DatabaseError as e:
    print("error=%s" % e.args[0])
conn.close()
print("done=ok")
