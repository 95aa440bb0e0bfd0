// Package tds is the pure codec of the Tabular Data Stream protocol (MS-TDS)
// as SQL Server speaks it to its clients: packet framing, PRELOGIN, LOGIN7,
// SQL batch, RPC and transaction-manager requests, the server's tokens
// (LOGINACK, ENVCHANGE, INFO/ERROR, DONE*, COLMETADATA, ROW/NBCROW,
// RETURNSTATUS, RETURNVALUE, FEATUREEXTACK, ORDER), TYPE_INFO and the value
// encodings of every SQL type, and the TLS plumbing that belongs to the wire
// (TLS records carried inside PRELOGIN packets during a TDS 7.x handshake).
//
// It holds no I/O policy and no SQL: it does not decide what to answer, it
// only encodes and decodes. It must not import any package of this module
// (not sql/..., not server/); it is used by server/, by tests and by the
// doctor's probes.
//
// Conventions (like pgx's pgproto3):
//
//   - Encoders append to a caller-owned buffer: AppendX(dst, ...) []byte or
//     (m *X) Encode(dst []byte) []byte. They never allocate beyond growing dst,
//     so a response can be built in one reused buffer.
//   - Whole-message decoders are (m *X) Decode(src []byte) error; token
//     decoders, which read from a token stream, return the number of bytes
//     consumed: (t *X) Decode(src []byte, v Version) (int, error).
//   - Decoders are bounds-checked: malformed input yields an error, never a
//     panic, and no allocation is sized from an untrusted length field (PLP
//     values are assembled from the chunks actually present).
//   - Decoded []byte fields alias the source buffer unless documented
//     otherwise; decoded strings are copies.
//   - Widths that differ between TDS 7.1 and 7.2+ (DONE row count, INFO/ERROR
//     line number, UserType, ALL_HEADERS, table names) are selected by a
//     Version argument.
//
// Files, by concern:
//
//   - packet.go, reader.go, writer.go: headers, MessageReader (reassembly,
//     RESETCONNECTION/IGNORE), MessageWriter (packetising one reused buffer).
//   - version.go: Version, Negotiate and the 7.1 / 7.2+ / 7.3 dialect tests.
//   - prelogin.go, encryption.go: PRELOGIN and the ENCRYPTION matrix.
//   - login7.go: LOGIN7 and FeatureExt.
//   - loginack.go, envchange.go, message.go (INFO/ERROR), done.go,
//     colmetadata.go, row.go (ROW/NBCROW), returnstatus.go, returnvalue.go,
//     featureextack.go, order.go, tokens.go (whole-stream decoder for tests).
//   - typeid.go, typeinfo.go, collation.go: TYPE_INFO.
//   - value_append.go, value_read.go, value_decode.go, value_raw.go,
//     datetime.go, variant.go: values of every type, both directions.
//   - allheaders.go, sqlbatch.go, rpc.go, tvp.go, tm.go, bulkload.go: client
//     requests.
//   - tlsconn.go: HandshakeConn, RecordReader, ReadPacket.
//
// TLS: for TDS 7.x the handshake runs inside PRELOGIN (0x12) packets; see
// HandshakeConn and RecordReader. The server must cap TLS at 1.2 for TDS 7.x
// (tls.Config.MaxVersion = tls.VersionTLS12: TDS-over-TLS cannot carry the
// post-handshake messages of TLS 1.3 and FreeTDS/GnuTLS fails with it) and set
// SessionTicketsDisabled so no post-handshake records are sent. TDS 8
// ("strict") is plain TLS on the socket with ALPN "tds/8.0" and needs nothing
// from this package beyond the normal message codec.
package tds
