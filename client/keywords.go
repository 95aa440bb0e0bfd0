package client

// canonical keyword for each synonym SqlClient, ODBC and go-mssqldb accept.
var synonyms = map[string]string{
	"server":          kServer,
	"data source":     kServer,
	"address":         kServer,
	"addr":            kServer,
	"network address": kServer,
	"host":            kServer,

	"database":        kDatabase,
	"initial catalog": kDatabase,

	"user id":  kUser,
	"uid":      kUser,
	"user":     kUser,
	"username": kUser,

	"password": kPassword,
	"pwd":      kPassword,

	"integrated security": kIntegrated,
	"trusted_connection":  kIntegrated,

	"encrypt": kEncrypt,

	"trustservercertificate":      kTrustCert,
	"trust server certificate":    kTrustCert,
	"hostnameincertificate":       kHostInCert,
	"host name in certificate":    kHostInCert,
	"certificate":                 kCertificate,
	"servercertificate":           kCertificate,
	"server certificate":          kCertificate,
	"connect timeout":             kConnTimeout,
	"connection timeout":          kConnTimeout,
	"timeout":                     kConnTimeout,
	"dial timeout":                kDialTimeout,
	"command timeout":             kCmdTimeout,
	"application name":            kApp,
	"app":                         kApp,
	"app name":                    kApp,
	"current language":            kLanguage,
	"language":                    kLanguage,
	"packet size":                 kPacketSize,
	"workstation id":              kWorkstation,
	"wsid":                        kWorkstation,
	"workstation":                 kWorkstation,
	"multisubnetfailover":         kMSF,
	"multi subnet failover":       kMSF,
	"applicationintent":           kIntent,
	"application intent":          kIntent,
	"port":                        kPort,
	"keepalive":                   kKeepAlive,
	"protocol":                    kProtocol,
	"network library":             kNetLib,
	"network":                     kNetLib,
	"net":                         kNetLib,
	"failover partner":            kFailover,
	"failoverpartner":             kFailover,
	"persist security info":       kPersist,
	"persistsecurityinfo":         kPersist,
	"pooling":                     kPooling,
	"max pool size":               kMaxPool,
	"min pool size":               kMinPool,
	"multipleactiveresultsets":    kMARS,
	"multiple active result sets": kMARS,
	"log":                         kLog,
}

const (
	kServer      = "server"
	kDatabase    = "database"
	kUser        = "user id"
	kPassword    = "password"
	kIntegrated  = "integrated security"
	kEncrypt     = "encrypt"
	kTrustCert   = "trustservercertificate"
	kHostInCert  = "hostnameincertificate"
	kCertificate = "certificate"
	kConnTimeout = "connect timeout"
	kDialTimeout = "dial timeout"
	kCmdTimeout  = "command timeout"
	kApp         = "application name"
	kLanguage    = "current language"
	kPacketSize  = "packet size"
	kWorkstation = "workstation id"
	kMSF         = "multisubnetfailover"
	kIntent      = "applicationintent"
	kPort        = "port"
	kKeepAlive   = "keepalive"
	kProtocol    = "protocol"
	kNetLib      = "network library"
	kFailover    = "failover partner"
	kPersist     = "persist security info"
	kPooling     = "pooling"
	kMaxPool     = "max pool size"
	kMinPool     = "min pool size"
	kMARS        = "multipleactiveresultsets"
	kLog         = "log"
)

// CanonicalKeyword maps a keyword synonym (any case and spacing) to the name
// Config uses; unknown keywords come back lower-cased.
func CanonicalKeyword(k string) string {
	if c, ok := synonyms[k]; ok {
		return c
	}
	return k
}
