package parser

import "testing"

var benchStmts = map[string]string{
	"select": "SELECT c1, c2 FROM dbo.t WHERE id = @p1",
	"insert": "INSERT INTO dbo.orders (id, customer, amount, created, note) VALUES (@p1, @p2, @p3, @p4, N'web')",
	"update": "UPDATE dbo.accounts SET balance = balance - @p1, updated = GETDATE() WHERE id = @p2",
	"join":   "SELECT o.id, c.name, SUM(l.qty * l.price) AS total FROM dbo.orders o JOIN dbo.customers c ON c.id = o.customer JOIN dbo.lines l ON l.order_id = o.id WHERE o.created >= @from GROUP BY o.id, c.name ORDER BY total DESC",
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"select", "insert", "update", "join"} {
		sql := benchStmts[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(sql)))
			for i := 0; i < b.N; i++ {
				if _, err := ParseBatch(sql, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
