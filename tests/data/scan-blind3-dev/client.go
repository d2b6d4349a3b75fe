package spclient

import (
	"fmt"
	"net/http"
	"time"
)

// Error is a Stormpath REST error body.
type Error struct {
	Status           int    `json:"status"`
	Code             int    `json:"code"`
	Message          string `json:"message"`
	DeveloperMessage string `json:"developerMessage"`
	MoreInfo         string `json:"moreInfo"`
}

func (c *Client) search(href string, q map[string]string) (*Page, error) {
	ctx, cancel := c.ctx(30 * time.Second)
	defer cancel()
	page, err := c.get(ctx, href, q)
	if apiErr, ok := err.(*Error); ok {
		switch apiErr.Code {
		case 2100, 2101, 2102:
			return nil, fmt.Errorf("bad query %v: %s", q, apiErr.DeveloperMessage)
		case 2104, 2106:
			return nil, fmt.Errorf("bad orderBy: %s", apiErr.DeveloperMessage)
		case 1101:
			return nil, fmt.Errorf("client sent wrong Content-Type")
		}
		if apiErr.Status == http.StatusBadRequest {
			return nil, apiErr
		}
	}
	return page, err
}

const maxPages = 100
