package doctor

import (
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// causeText is one cause with its fix, in English and French. Fix texts
// are templates: {host} {port} {instance} {iflag} {user} {db} {target}
// {listen} {available} {state} {reason} are filled from what the probes
// saw.
type causeText struct {
	en, fr       string
	fixEN, fixFR string
}

// causes is the catalogue of explanations the doctor can rank.
var causes = map[string]causeText{
	"bad-name": {
		"The server name cannot be parsed.",
		"Le nom du serveur ne peut pas être analysé.",
		`Write it as host, host,port or host\instance (prefixes tcp:, np:, lpc:, admin:), or as a connection string "Server=...;User ID=...".`,
		`Écrivez-le host, host,port ou host\instance (préfixes tcp:, np:, lpc:, admin:), ou en chaîne de connexion "Server=...;User ID=...".`,
	},
	"dns": {
		"The host name {host} does not resolve (DNS or /etc/hosts).",
		"Le nom d'hôte {host} ne se résout pas (DNS ou /etc/hosts).",
		"Check the spelling, use the fully qualified name or the IP address, or add it to /etc/hosts.",
		"Vérifiez l'orthographe, utilisez le nom complet ou l'adresse IP, ou ajoutez-le à /etc/hosts.",
	},
	"browser-silent-local": {
		"No SQL Server Browser answers on UDP 1434 of {host}, so the port of instance {instance} cannot be found.",
		"Aucun SQL Server Browser ne répond sur le port UDP 1434 de {host} : le port de l'instance {instance} est introuvable.",
		"Start the Browser: tsqld browser\nor give the port and skip the Browser: {host},{port}",
		"Démarrez le Browser : tsqld browser\nou donnez le port pour se passer du Browser : {host},{port}",
	},
	"browser-silent": {
		"No SQL Server Browser answers on UDP 1434 of {host} (Browser stopped, UDP 1434 blocked, Linux server without Browser, or instance hidden).",
		"Aucun SQL Server Browser ne répond sur le port UDP 1434 de {host} (Browser arrêté, UDP 1434 bloqué, serveur Linux sans Browser, ou instance masquée).",
		"Start the SQL Server Browser service (Configuration Manager, or tsqld browser for tsqld), open UDP 1434 in the firewall, or connect with an explicit port: {host},<port>.",
		"Démarrez le service SQL Server Browser (Gestionnaire de configuration, ou tsqld browser pour tsqld), ouvrez UDP 1434 dans le pare-feu, ou connectez-vous avec un port explicite : {host},<port>.",
	},
	"instance-unknown": {
		"The Browser of {host} answered but does not know instance {instance} (misspelled, stopped or hidden). Instances advertised: {available}.",
		"Le Browser de {host} a répondu mais ne connaît pas l'instance {instance} (nom erroné, arrêtée ou masquée). Instances annoncées : {available}.",
		"Correct the instance name, start the instance, or give its port: {host},<port>.",
		"Corrigez le nom de l'instance, démarrez-la, ou donnez son port : {host},<port>.",
	},
	"hidden-local": {
		"The tsqld instance {instance} is hidden (network.hideinstance = 1): the Browser does not advertise it, so clients cannot find its port by name.",
		"L'instance tsqld {instance} est masquée (network.hideinstance = 1) : le Browser ne l'annonce pas, les clients ne peuvent donc pas trouver son port par son nom.",
		"Connect with its port: {host},{port}\nor stop hiding it: tsqld config unset{iflag} network.hideinstance",
		"Connectez-vous avec son port : {host},{port}\nou cessez de la masquer : tsqld config unset{iflag} network.hideinstance",
	},
	"no-tcp-local": {
		"Instance {instance} is running with TCP/IP disabled (the Browser advertises no tcp endpoint).",
		"L'instance {instance} tourne avec TCP/IP désactivé (le Browser n'annonce aucun point de terminaison tcp).",
		"tsqld config set{iflag} network.tcpenabled true && tsqld restart{iflag}",
		"tsqld config set{iflag} network.tcpenabled true && tsqld restart{iflag}",
	},
	"no-tcp": {
		"Instance {instance} has TCP/IP disabled (the Browser advertises no tcp endpoint).",
		"L'instance {instance} a TCP/IP désactivé (le Browser n'annonce aucun point de terminaison tcp).",
		"Enable TCP/IP for the instance (SQL Server Configuration Manager > Network Configuration > Protocols, or mssql-conf on Linux) and restart the service.",
		"Activez TCP/IP pour l'instance (Gestionnaire de configuration SQL Server > Configuration du réseau > Protocoles, ou mssql-conf sous Linux) et redémarrez le service.",
	},
	"stopped": {
		"The tsqld instance {instance} is stopped: nothing listens on port {port}.",
		"L'instance tsqld {instance} est arrêtée : rien n'écoute sur le port {port}.",
		"tsqld start{iflag}",
		"tsqld start{iflag}",
	},
	"tcp-disabled": {
		"The tsqld instance {instance} runs with TCP/IP disabled (network.tcpenabled = false).",
		"L'instance tsqld {instance} tourne avec TCP/IP désactivé (network.tcpenabled = false).",
		"tsqld config set{iflag} network.tcpenabled true && tsqld restart{iflag}",
		"tsqld config set{iflag} network.tcpenabled true && tsqld restart{iflag}",
	},
	"wrong-port": {
		"The tsqld instance {instance} is running but listens on {listen}, not on port {port}.",
		"L'instance tsqld {instance} tourne mais écoute sur {listen}, pas sur le port {port}.",
		"Connect to the port it listens on ({host},{actualport}), or change it: tsqld config set{iflag} network.tcpport {port} && tsqld restart{iflag}",
		"Connectez-vous au port d'écoute ({host},{actualport}), ou changez-le : tsqld config set{iflag} network.tcpport {port} && tsqld restart{iflag}",
	},
	"restart-pending": {
		"mssql.conf of {instance} sets port {port}, but the running engine still listens on {listen}: port changes apply at restart.",
		"Le mssql.conf de {instance} fixe le port {port}, mais le moteur en cours d'exécution écoute encore sur {listen} : un changement de port s'applique au redémarrage.",
		"tsqld restart{iflag}\n(or connect to {host},{actualport} until then)",
		"tsqld restart{iflag}\n(ou connectez-vous à {host},{actualport} d'ici là)",
	},
	"starting": {
		"The tsqld instance {instance} is starting ({state}); its listeners are not open yet.",
		"L'instance tsqld {instance} démarre ({state}) ; ses écouteurs ne sont pas encore ouverts.",
		"Wait for \"SQL Server is now ready for client connections.\" in the error log (tsqld status{iflag}), then retry.",
		"Attendez « SQL Server is now ready for client connections. » dans le journal des erreurs (tsqld status{iflag}), puis réessayez.",
	},
	"refused": {
		"Nothing listens on {host} port {port}: the service is stopped, TCP/IP is disabled, the instance uses another (possibly dynamic) port, or it listens only on other addresses.",
		"Rien n'écoute sur {host} port {port} : le service est arrêté, TCP/IP est désactivé, l'instance utilise un autre port (peut-être dynamique), ou elle n'écoute que sur d'autres adresses.",
		"Start the service (Configuration Manager / systemctl start mssql-server / tsqld start), check the port in the ERRORLOG line \"Server is listening on [ 'any' <ipv4> N].\", enable TCP/IP (Configuration Manager, or mssql-conf set network.tcpport) and restart.",
		"Démarrez le service (Gestionnaire de configuration / systemctl start mssql-server / tsqld start), vérifiez le port dans la ligne ERRORLOG « Server is listening on [ 'any' <ipv4> N]. », activez TCP/IP (Gestionnaire de configuration, ou mssql-conf set network.tcpport) et redémarrez.",
	},
	"timeout": {
		"The connection to {host} port {port} timed out: a firewall drops the packets, the host is down, or the address is wrong.",
		"La connexion à {host} port {port} a expiré : un pare-feu rejette les paquets, l'hôte est arrêté, ou l'adresse est fausse.",
		"Open TCP {port} on the server's firewall (sudo ufw allow {port}/tcp, firewall-cmd --add-port={port}/tcp --permanent, or New-NetFirewallRule -DisplayName SQL -Direction Inbound -Protocol TCP -LocalPort {port} -Action Allow) and check the route (ping, Test-NetConnection {host} -Port {port}).",
		"Ouvrez TCP {port} dans le pare-feu du serveur (sudo ufw allow {port}/tcp, firewall-cmd --add-port={port}/tcp --permanent, ou New-NetFirewallRule -DisplayName SQL -Direction Inbound -Protocol TCP -LocalPort {port} -Action Allow) et vérifiez la route (ping, Test-NetConnection {host} -Port {port}).",
	},
	"unreachable": {
		"{host} is unreachable: no route to the host or network.",
		"{host} est injoignable : aucune route vers l'hôte ou le réseau.",
		"Check the address, the VPN and the routing (ip route, traceroute {host}).",
		"Vérifiez l'adresse, le VPN et le routage (ip route, traceroute {host}).",
	},
	"not-sql": {
		"Port {port} accepts connections but does not answer PRELOGIN like SQL Server: another program owns the port, or the server closed the connection (overloaded, shutting down, malformed packet).",
		"Le port {port} accepte les connexions mais ne répond pas au PRELOGIN comme SQL Server : un autre programme occupe le port, ou le serveur a fermé la connexion (surcharge, arrêt, paquet mal formé).",
		"See which process owns the port (ss -ltnp 'sport = :{port}' or netstat -abon) and read the server's error log.",
		"Regardez quel processus occupe le port (ss -ltnp 'sport = :{port}' ou netstat -abon) et lisez le journal des erreurs du serveur.",
	},
	"prelogin-timeout": {
		"The server accepted the TCP connection but never answered PRELOGIN (hung server or a middlebox).",
		"Le serveur a accepté la connexion TCP mais n'a jamais répondu au PRELOGIN (serveur bloqué ou équipement intermédiaire).",
		"Connect with the DAC (tsqld sql -A) to inspect the server, or capture a network trace.",
		"Connectez-vous par la DAC (tsqld sql -A) pour inspecter le serveur, ou capturez une trace réseau.",
	},
	"encryption-required": {
		"The server requires encryption (ForceEncryption) and the client asked for none (encrypt=disable); the server closes the connection (17835).",
		"Le serveur exige le chiffrement (ForceEncryption) et le client n'en demande aucun (encrypt=disable) ; le serveur ferme la connexion (17835).",
		"Use encrypt=true (sqlcmd -N) or encrypt=false (login-only TLS) in the client.",
		"Utilisez encrypt=true (sqlcmd -N) ou encrypt=false (TLS à l'ouverture de session seulement) côté client.",
	},
	"tls-untrusted": {
		"The server certificate ({subject}, issued by {issuer}) is not trusted by this machine and the client validates it (Encrypt=Mandatory/Strict without TrustServerCertificate).",
		"Le certificat du serveur ({subject}, émis par {issuer}) n'est pas approuvé par cette machine et le client le valide (Encrypt=Mandatory/Strict sans TrustServerCertificate).",
		"Install a certificate from a trusted CA (tsqld: tsqld config set network.tlscert <pem> and network.tlskey <pem>, then restart) or trust its CA on the client; as a stopgap use TrustServerCertificate=yes (sqlcmd -C).",
		"Installez un certificat d'une autorité approuvée (tsqld : tsqld config set network.tlscert <pem> et network.tlskey <pem>, puis redémarrez) ou approuvez son autorité côté client ; en attendant, TrustServerCertificate=yes (sqlcmd -C).",
	},
	"tls-name": {
		"The server certificate is for {names}, not for {host}.",
		"Le certificat du serveur est établi pour {names}, pas pour {host}.",
		"Connect with a name the certificate holds, set HostNameInCertificate, or install a certificate whose CN/SAN includes {host}.",
		"Connectez-vous avec un nom présent dans le certificat, définissez HostNameInCertificate, ou installez un certificat dont le CN/SAN contient {host}.",
	},
	"tls-failed": {
		"The TLS handshake failed: no common TLS version or cipher suite, or the certificate cannot be used.",
		"La négociation TLS a échoué : aucune version TLS ou suite de chiffrement commune, ou certificat inutilisable.",
		"Align the TLS versions and ciphers (mssql-conf network.tlsprotocols / tsqld config set network.tlsprotocols 1.2) and check the certificate line in the server's error log.",
		"Alignez les versions TLS et les suites (mssql-conf network.tlsprotocols / tsqld config set network.tlsprotocols 1.2) et vérifiez la ligne du certificat dans le journal des erreurs du serveur.",
	},
	"login-failed": {
		"The server refused the login for '{user}'. The client always sees state 1; the real state and reason are only in the server's error log.",
		"Le serveur a refusé l'ouverture de session de '{user}'. Le client voit toujours l'état 1 ; l'état réel et la raison ne sont que dans le journal des erreurs du serveur.",
		"Check the login name and password; on the server read the error log (sp_readerrorlog 0, 1, '18456', or tsqld log) for the \"Reason:\" line.",
		"Vérifiez le nom de connexion et le mot de passe ; sur le serveur lisez le journal des erreurs (sp_readerrorlog 0, 1, '18456', ou tsqld log) pour la ligne « Reason: ».",
	},
	"login-password": {
		"The password for '{user}' is wrong (error log: 18456 state {state}: {reason}).",
		"Le mot de passe de '{user}' est faux (journal : 18456 état {state} : {reason}).",
		"Use the right password; an administrator can reset it: ALTER LOGIN [{user}] WITH PASSWORD = '<new password>';",
		"Utilisez le bon mot de passe ; un administrateur peut le réinitialiser : ALTER LOGIN [{user}] WITH PASSWORD = '<nouveau mot de passe>';",
	},
	"login-unknown": {
		"There is no login named '{user}' (error log: 18456 state {state}: {reason}).",
		"Il n'existe pas de connexion nommée '{user}' (journal : 18456 état {state} : {reason}).",
		"Check the name, or create it: CREATE LOGIN [{user}] WITH PASSWORD = '<password>';",
		"Vérifiez le nom, ou créez-la : CREATE LOGIN [{user}] WITH PASSWORD = '<mot de passe>';",
	},
	"login-disabled": {
		"The login '{user}' is disabled (error log: 18456 state {state}: {reason}).",
		"La connexion '{user}' est désactivée (journal : 18456 état {state} : {reason}).",
		"ALTER LOGIN [{user}] ENABLE;",
		"ALTER LOGIN [{user}] ENABLE;",
	},
	"login-logged": {
		"The server's error log gives the reason: 18456 state {state}: {reason}",
		"Le journal des erreurs du serveur donne la raison : 18456 état {state} : {reason}",
		"Fix what the reason names, then retry.",
		"Corrigez ce que la raison indique, puis réessayez.",
	},
	"database": {
		"The database '{db}' requested by the login cannot be opened: it does not exist, is offline, or the login has no user in it.",
		"La base de données '{db}' demandée par la connexion ne peut pas être ouverte : elle n'existe pas, est hors ligne, ou la connexion n'y a pas d'utilisateur.",
		"Check the name (SELECT name, state_desc FROM sys.databases), bring it online, or map the login: USE [{db}]; CREATE USER [{user}] FOR LOGIN [{user}];",
		"Vérifiez le nom (SELECT name, state_desc FROM sys.databases), mettez-la en ligne, ou associez la connexion : USE [{db}]; CREATE USER [{user}] FOR LOGIN [{user}];",
	},
	"default-database": {
		"The login's default database cannot be opened.",
		"La base de données par défaut de la connexion ne peut pas être ouverte.",
		"Connect with -d master, then ALTER LOGIN [{user}] WITH DEFAULT_DATABASE = master;",
		"Connectez-vous avec -d master, puis ALTER LOGIN [{user}] WITH DEFAULT_DATABASE = master;",
	},
	"paused-local": {
		"The tsqld instance {instance} is paused: existing sessions continue, new logins are refused.",
		"L'instance tsqld {instance} est en pause : les sessions existantes continuent, les nouvelles connexions sont refusées.",
		"tsqld continue{iflag}",
		"tsqld continue{iflag}",
	},
	"paused": {
		"The SQL Server service is paused: new logins are refused.",
		"Le service SQL Server est en pause : les nouvelles connexions sont refusées.",
		"Resume it: SQL Server Configuration Manager > Resume, net continue MSSQLSERVER, or tsqld continue for tsqld.",
		"Reprenez-le : Gestionnaire de configuration SQL Server > Reprendre, net continue MSSQLSERVER, ou tsqld continue pour tsqld.",
	},
	"connection-limit-local": {
		"The tsqld instance {instance} has reached its maximum of {limit} user connections (sqlserver.userconnections).",
		"L'instance tsqld {instance} a atteint son maximum de {limit} connexions utilisateur (sqlserver.userconnections).",
		"Close idle sessions, or raise the limit (0 = unlimited): tsqld config set{iflag} sqlserver.userconnections 0 && tsqld restart{iflag}",
		"Fermez des sessions inactives, ou relevez la limite (0 = illimité) : tsqld config set{iflag} sqlserver.userconnections 0 && tsqld restart{iflag}",
	},
	"dac-port": {
		"The dedicated admin connection of {instance} listens on port {dacport}, not {port}: with no Browser answering, admin:{host} tries port 1434.",
		"La connexion administrateur dédiée de {instance} écoute sur le port {dacport}, pas {port} : sans Browser qui réponde, admin:{host} essaie le port 1434.",
		"Connect with admin:{host},{dacport}; or start the Browser (tsqld browser) so that admin:{host} finds it; or pin the port: tsqld config set{iflag} network.dacport 1434 && tsqld restart{iflag}",
		"Connectez-vous avec admin:{host},{dacport} ; ou démarrez le Browser (tsqld browser) pour que admin:{host} le trouve ; ou fixez le port : tsqld config set{iflag} network.dacport 1434 && tsqld restart{iflag}",
	},
	"dac-disabled": {
		"The tsqld instance {instance} has no dedicated admin connection listener (Express edition, where the DAC needs trace flag 7806).",
		"L'instance tsqld {instance} n'a pas d'écouteur de connexion administrateur dédiée (édition Express, où la DAC exige l'indicateur de trace 7806).",
		"Connect without admin:, or read why in the error log (tsqld log{iflag}): on Express start the instance with trace flag 7806.",
		"Connectez-vous sans admin:, ou lisez la raison dans le journal des erreurs (tsqld log{iflag}) : sous Express, démarrez l'instance avec l'indicateur de trace 7806.",
	},
	"dac-in-use": {
		"The dedicated administrator connection is already in use: SQL Server allows one DAC session at a time.",
		"La connexion administrateur dédiée est déjà utilisée : SQL Server n'autorise qu'une session DAC à la fois.",
		"Log off the other DAC session, or end it from a normal connection: SELECT s.session_id FROM sys.dm_exec_sessions s JOIN sys.endpoints e ON e.endpoint_id = s.endpoint_id WHERE e.name = 'Dedicated Admin Connection'; then KILL <session_id>;",
		"Déconnectez l'autre session DAC, ou terminez-la depuis une connexion normale : SELECT s.session_id FROM sys.dm_exec_sessions s JOIN sys.endpoints e ON e.endpoint_id = s.endpoint_id WHERE e.name = 'Dedicated Admin Connection'; puis KILL <session_id>;",
	},
	"connection-limit": {
		"The maximum number of user connections is reached.",
		"Le nombre maximal de connexions utilisateur est atteint.",
		"Close idle sessions, or raise 'user connections' (EXEC sp_configure 'user connections', 0; RECONFIGURE; then restart).",
		"Fermez des sessions inactives, ou augmentez 'user connections' (EXEC sp_configure 'user connections', 0; RECONFIGURE; puis redémarrez).",
	},
	"shutting-down": {
		"The server is shutting down.",
		"Le serveur est en cours d'arrêt.",
		"Wait until it has stopped and start it again (tsqld start{iflag}, or the service manager).",
		"Attendez son arrêt puis redémarrez-le (tsqld start{iflag}, ou le gestionnaire de services).",
	},
	"not-ready": {
		"The server is still starting (recovery) and does not accept logins yet.",
		"Le serveur démarre encore (récupération) et n'accepte pas encore de connexions.",
		"Wait for \"SQL Server is now ready for client connections.\" in the error log, then retry.",
		"Attendez « SQL Server is now ready for client connections. » dans le journal des erreurs, puis réessayez.",
	},
	"restricted": {
		"The server only admits administrators right now (single-user mode, script upgrade, or admin-only).",
		"Le serveur n'admet pour l'instant que les administrateurs (mode mono-utilisateur, mise à niveau de script, ou administrateurs seulement).",
		"Retry later, or restart the server without -m / -f.",
		"Réessayez plus tard, ou redémarrez le serveur sans -m / -f.",
	},
	"login-other": {
		"The server refused the login with error {number}.",
		"Le serveur a refusé l'ouverture de session avec l'erreur {number}.",
		"Read the message above and the server's error log.",
		"Lisez le message ci-dessus et le journal des erreurs du serveur.",
	},
}

// cause renders a catalogue entry with the probe facts.
func cause(lang msgs.Lang, id string, vars map[string]string) Cause {
	c, ok := causes[id]
	if !ok {
		return Cause{ID: id}
	}
	text, fix := c.en, c.fixEN
	if lang == msgs.French {
		text, fix = c.fr, c.fixFR
	}
	for k, v := range vars {
		text = strings.ReplaceAll(text, "{"+k+"}", v)
		fix = strings.ReplaceAll(fix, "{"+k+"}", v)
	}
	return Cause{ID: id, Text: text, Fix: fix}
}
