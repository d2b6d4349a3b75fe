package main

import (
	"context"
	"log"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const (
	listenAddr     = ":7100"
	metricsAddr    = ":9001"
	maxRecvMsgSize = 4194304
	maxRetries     = 5
	backoffBase    = 1000 * time.Millisecond
	shutdownGrace  = 20 * time.Second
)

type profileServer struct {
	UnimplementedProfileServer
	store Store
}

func (s *profileServer) Get(ctx context.Context, req *GetRequest) (*Profile, error) {
	p, err := s.store.Load(ctx, req.GetUserId())
	switch {
	case err == ErrNotFound:
		return nil, status.Errorf(codes.NotFound, "profile %d not found", req.GetUserId())
	case err == ErrStale:
		return nil, status.Error(codes.FailedPrecondition, "profile version conflict")
	case err != nil:
		return nil, status.Error(codes.Unavailable, "store unavailable")
	}
	return p, nil
}

func main() {
	lis, err := net.Listen("tcp", listenAddr)
	if err != nil {
		log.Fatalf("listen %s: %v", listenAddr, err)
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(maxRecvMsgSize))
	RegisterProfileServer(srv, &profileServer{store: newStore(maxRetries, backoffBase)})
	go serveMetrics(metricsAddr)
	log.Printf("profile service listening on %s (pid %d)", listenAddr, pid())
	if err := srv.Serve(lis); err != nil {
		log.Fatal(err)
	}
}
