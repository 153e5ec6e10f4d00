// Stand-in for github.com/redis/go-redis/v9: just the signatures couplingvet's fixtures use.
package redis

type Options struct {
	Addr     string
	Password string
	DB       int
}

type ClusterOptions struct {
	Addrs    []string
	Password string
}

type Client struct{}
type ClusterClient struct{}

func NewClient(opt *Options) *Client                      { return nil }
func NewClusterClient(opt *ClusterOptions) *ClusterClient { return nil }
func ParseURL(redisURL string) (*Options, error)          { return nil, nil }
