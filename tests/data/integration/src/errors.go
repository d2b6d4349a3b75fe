package portal

// Stormpath error codes we retry on.
const (
	ErrAgentUnreachable = 9000
	ErrDirectoryTimeout = 9003
)

const (
	DefaultPort = 8080
	PageLimit   = 100
)
