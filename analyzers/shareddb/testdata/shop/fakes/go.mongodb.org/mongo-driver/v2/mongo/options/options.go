// Stand-in for go.mongodb.org/mongo-driver/v2/mongo/options: just the signatures couplingvet's fixtures use.
package options

type ClientOptions struct{}

func Client() *ClientOptions                                { return &ClientOptions{} }
func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }
