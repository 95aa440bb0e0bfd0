package catalog

import (
	"encoding/binary"

	"github.com/tsqld/tsqld/storage"
)

// metaConfig records hold sp_configure values (sys.configurations.value):
// SQL Server keeps them in master, and a restart puts every configured
// value in use.
const metaConfig byte = 'G'

func configKey(id int32) []byte {
	return binary.BigEndian.AppendUint32([]byte{prefixMeta, metaConfig}, uint32(id))
}

// PutConfig stores configuration option id's configured value.
func PutConfig(txn storage.Txn, id int32, value int64) error {
	return txn.Set(configKey(id), binary.BigEndian.AppendUint64(nil, uint64(value)))
}

// LoadConfig reads the stored configured values by option id.
func LoadConfig(txn storage.Txn) (map[int32]int64, error) {
	p := []byte{prefixMeta, metaConfig}
	it := txn.Scan(p, PrefixEnd(p), false)
	defer it.Close()
	out := map[int32]int64{}
	for it.Next() {
		k, v := it.Key(), it.Value()
		if len(k) != 6 || len(v) != 8 {
			continue
		}
		out[int32(binary.BigEndian.Uint32(k[2:]))] = int64(binary.BigEndian.Uint64(v))
	}
	return out, it.Err()
}
