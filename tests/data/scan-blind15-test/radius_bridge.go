// Command sp-radius-bridge answers RADIUS Access-Requests from the campus
// VPN concentrators (Cisco ASA 5545-X pair, AnyConnect) by authenticating the
// user against Stormpath.
//
// ASA -> sp-radius-bridge (udp/1812, PAP only) -> Stormpath loginAttempts
//
// Accounting (udp/1813) is accepted and dropped; the ASA keeps its own.
// Metrics for Prometheus on :9001 (the bridge's own port, nothing to do with
// Stormpath).
//
// Owner: ITS Network Services (Dana Whitfield). Runs on vpnauth01/vpnauth02.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/jarias/stormpath-sdk-go"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"layeh.com/radius"
	"layeh.com/radius/rfc2865"
)

var (
	listenAddr  = flag.String("listen", ":1812", "RADIUS auth listen address")
	acctAddr    = flag.String("acct", ":1813", "RADIUS accounting listen address (dropped)")
	metricsAddr = flag.String("metrics", ":9001", "Prometheus metrics listen address")
	spTimeout   = flag.Duration("stormpath-timeout", 2500*time.Millisecond, "per-request Stormpath timeout; ASA gives up after 5s")
	secretFile  = flag.String("secret-file", "/etc/sp-radius-bridge/asa.secret", "RADIUS shared secret")
)

var authResults = prometheus.NewCounterVec(
	prometheus.CounterOpts{
		Name: "sp_radius_bridge_auth_total",
		Help: "Access-Requests by outcome and Stormpath error code (0 = none).",
	},
	[]string{"outcome", "stormpath_code"},
)

// rejectMessages maps Stormpath login error codes to the Reply-Message
// (RADIUS attribute 18) that AnyConnect shows in its login dialog.
// Keep these short: AnyConnect truncates Reply-Message at about 80 characters.
var rejectMessages = map[int]string{
	7100: "Wrong password. Reset it at password.caldervalley.edu",
	7101: "Your account is disabled. Call ITS at x2002.",
	7103: "Your account is locked. Wait 15 minutes or call ITS at x2002.",
	7104: "Unknown username. Use your CVU username, not your e-mail.",
}

// Accounts in a disabled Directory or Organization: these are whole
// populations (e.g. the emeritus directory switched off each summer), so tell
// people it is not them.
func populationDisabled(code int) bool {
	switch code {
	case 7106, 7107:
		return true
	}
	return false
}

type bridge struct {
	app    *stormpath.Application
	secret []byte
}

func (b *bridge) ServeRADIUS(w radius.ResponseWriter, r *radius.Request) {
	username := rfc2865.UserName_GetString(r.Packet)
	password := rfc2865.UserPassword_GetString(r.Packet)
	nas := rfc2865.NASIPAddress_Get(r.Packet)
	start := time.Now()

	ctx, cancel := context.WithTimeout(context.Background(), *spTimeout)
	defer cancel()

	_, err := b.authenticate(ctx, username, password)
	elapsed := time.Since(start)

	if err == nil {
		authResults.WithLabelValues("accept", "0").Inc()
		log.Printf("accept user=%q nas=%s in %dms", username, nas, elapsed.Milliseconds())
		w.Write(r.Response(radius.CodeAccessAccept))
		return
	}

	resp := r.Response(radius.CodeAccessReject)
	var spErr stormpath.Error
	if errors.As(err, &spErr) {
		code := spErr.Code
		authResults.WithLabelValues("reject", itoa(code)).Inc()
		log.Printf("reject user=%q nas=%s status=%d code=%d dev=%q (%dms)",
			username, nas, spErr.Status, code, spErr.DeveloperMessage, elapsed.Milliseconds())

		msg, ok := rejectMessages[code]
		switch {
		case ok:
			rfc2865.ReplyMessage_SetString(resp, msg)
		case populationDisabled(code):
			rfc2865.ReplyMessage_SetString(resp, "VPN access for your account group is switched off. See its.caldervalley.edu/vpn")
		default:
			rfc2865.ReplyMessage_SetString(resp, "Sign-in failed. Call ITS at x2002.")
		}
	} else if errors.Is(err, context.DeadlineExceeded) {
		// Let the ASA retry against the other bridge rather than reject.
		authResults.WithLabelValues("timeout", "0").Inc()
		log.Printf("timeout user=%q nas=%s after %dms", username, nas, elapsed.Milliseconds())
		return
	} else {
		authResults.WithLabelValues("error", "0").Inc()
		log.Printf("error user=%q nas=%s: %v", username, nas, err)
		rfc2865.ReplyMessage_SetString(resp, "Sign-in service unavailable. Try again shortly.")
	}
	w.Write(resp)
}

func (b *bridge) authenticate(ctx context.Context, username, password string) (*stormpath.Account, error) {
	type result struct {
		acct *stormpath.Account
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		acct, err := b.app.AuthenticateAccount(username, password, "")
		ch <- result{acct, err}
	}()
	select {
	case res := <-ch:
		return res.acct, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [12]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func main() {
	flag.Parse()
	prometheus.MustRegister(authResults)

	secret, err := os.ReadFile(*secretFile)
	if err != nil {
		log.Fatalf("read secret: %v", err)
	}

	cred, err := stormpath.NewDefaultCredentials()
	if err != nil {
		log.Fatalf("stormpath credentials: %v", err)
	}
	stormpath.Init(cred, nil)
	app, err := stormpath.GetApplication(os.Getenv("STORMPATH_APPLICATION_HREF"), stormpath.MakeApplicationCriteria())
	if err != nil {
		log.Fatalf("stormpath application: %v", err)
	}

	go func() {
		http.Handle("/metrics", promhttp.Handler())
		log.Fatal(http.ListenAndServe(*metricsAddr, nil))
	}()

	go func() {
		// Accounting: read and discard.
		pc, err := net.ListenPacket("udp", *acctAddr)
		if err != nil {
			log.Fatalf("acct listen: %v", err)
		}
		buf := make([]byte, 4096)
		for {
			if _, _, err := pc.ReadFrom(buf); err != nil {
				log.Printf("acct read: %v", err)
			}
		}
	}()

	srv := radius.PacketServer{
		Addr:         *listenAddr,
		Handler:      &bridge{app: app, secret: secret},
		SecretSource: radius.StaticSecretSource(secret),
	}
	log.Printf("sp-radius-bridge listening on %s (acct %s, metrics %s)", *listenAddr, *acctAddr, *metricsAddr)
	if err := srv.ListenAndServe(); err != nil {
		log.Fatal(err)
	}
}
