// Package asynqtask enqueues and handles asynq tasks.
package asynqtask

import (
	"context"

	"github.com/hibiken/asynq"
)

const TypeWelcomeEmail = "email:welcome"

func Enqueue(c *asynq.Client) error {
	task := asynq.NewTask(TypeWelcomeEmail, []byte(`{"user":1}`)) // endpoint: orders publish asynq email:welcome
	_, err := c.Enqueue(task)
	return err
}

func Serve(srv *asynq.Server) error {
	mux := asynq.NewServeMux()
	mux.HandleFunc("orders:cleanup", func(context.Context, *asynq.Task) error { return nil })                // endpoint: orders consume asynq orders:cleanup
	mux.Handle("orders:reindex", asynq.HandlerFunc(func(context.Context, *asynq.Task) error { return nil })) // endpoint: orders consume asynq orders:reindex
	return srv.Run(mux)
}
