module example.com/shop

go 1.26

require (
	github.com/go-kit/kit v0.13.0
	github.com/go-resty/resty/v2 v2.16.0
	google.golang.org/grpc v1.70.0
)

replace (
	github.com/go-kit/kit => ../fakes/gokit
	github.com/go-resty/resty/v2 => ../fakes/resty
	google.golang.org/grpc => ../fakes/grpc
)
