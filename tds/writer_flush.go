package tds

// FlushPartial writes the whole pending payload now, the last packet
// possibly shorter than the packet size and without EOM: the message goes
// on afterwards. SQL Server does this for RAISERROR … WITH NOWAIT; clients
// read packets by their header length, so a short non-final packet is
// fine. Nothing is written when nothing is pending.
func (m *MessageWriter) FlushPartial() error {
	if len(m.Buf) == 0 {
		return nil
	}
	err := m.writePackets(m.Buf, false)
	m.Buf = m.Buf[:0]
	return err
}
