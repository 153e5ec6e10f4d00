// Stand-in for github.com/go-redis/redis/v8: just the signatures couplingvet's fixtures use.
package redis

type Options struct {
	Addr     string
	Password string
	DB       int
}

type Client struct{}

func NewClient(opt *Options) *Client { return nil }
