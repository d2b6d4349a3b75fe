package spclient

import "time"

// Stormpath error codes returned when mapping account stores to an application.
const (
	ErrDefaultAccountStoreMissing  = 5100
	ErrDefaultAccountStoreDisabled = 5101
	ErrAccountStoreAlreadyMapped   = 5104
	ErrUndocumented5107            = 5107 // seen in logs, not documented
	ErrDirectoryTypeAlreadyMapped  = 5200
)

const (
	DefaultPort     = 8080
	maxIdleConns    = 100
	requestTimeout  = 30 * time.Second
	pageLimit       = 50
)

// IsMappingConflict reports whether err is one of the mapping errors above.
func IsMappingConflict(code int) bool {
	switch code {
	case ErrAccountStoreAlreadyMapped, ErrDirectoryTypeAlreadyMapped:
		return true
	}
	return false
}
