// Stand-in for go.mongodb.org/mongo-driver/v2/mongo: just the signatures couplingvet's fixtures use.
package mongo

import "go.mongodb.org/mongo-driver/v2/mongo/options"

type Client struct{}

func Connect(opts ...*options.ClientOptions) (*Client, error) { return nil, nil }
