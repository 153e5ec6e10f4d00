module example.com/shop

go 1.26

require (
	connectrpc.com/connect v1.18.0
	github.com/acme/shopapi v1.4.0
	github.com/twitchtv/twirp v8.1.3+incompatible
	google.golang.org/grpc v1.70.0
)

replace (
	connectrpc.com/connect => ../fakes/connect
	github.com/acme/shopapi => ../fakes/shopapi
	github.com/twitchtv/twirp => ../fakes/twirp
	google.golang.org/grpc => ../fakes/grpc
)
