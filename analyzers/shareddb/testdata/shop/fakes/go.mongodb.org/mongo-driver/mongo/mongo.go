// Stand-in for go.mongodb.org/mongo-driver/mongo: just the signatures couplingvet's fixtures use.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) { return nil, nil }
