// Command agent-health polls a Stormpath LDAP directory by attempting a
// canary login and exports the result for Prometheus.
package main

import (
	"errors"
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/jarias/stormpath-sdk-go"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	listenAddr = flag.String("listen", ":9005", "address for /metrics")
	interval   = flag.Duration("interval", 60*time.Second, "time between canary logins")
	ldapPort   = flag.Int("ldap-port", 636, "LDAPS port of the domain controller (for the status page only)")

	agentUp = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "stormpath_agent_up",
		Help: "1 when the canary login reached the directory server through the Stormpath Agent.",
	}, []string{"reason"})
)

// reason classifies a Stormpath error from the canary login.
func reason(err error) string {
	var spErr stormpath.Error
	if !errors.As(err, &spErr) {
		return "network"
	}
	switch spErr.Code {
	case 9000, 9002:
		// the Stormpath Agent itself is down or too slow
		return "agent"
	case 9001, 9003:
		// the agent is up but the domain controller is not answering
		return "directory_server"
	case 7100, 7104:
		// the directory answered: the canary's password or account is wrong,
		// which still proves the path works
		return "ok_auth_rejected"
	default:
		return "other"
	}
}

func main() {
	flag.Parse()
	prometheus.MustRegister(agentUp)

	go func() {
		for range time.Tick(*interval) {
			_, err := canaryLogin()
			r := "ok"
			if err != nil {
				r = reason(err)
			}
			agentUp.Reset()
			if r == "ok" || r == "ok_auth_rejected" {
				agentUp.WithLabelValues(r).Set(1)
			} else {
				agentUp.WithLabelValues(r).Set(0)
			}
		}
	}()

	http.Handle("/metrics", promhttp.Handler())
	log.Printf("agent-health listening on %s (LDAPS port %d)", *listenAddr, *ldapPort)
	log.Fatal(http.ListenAndServe(*listenAddr, nil))
}
