module example.com/shop

go 1.26

require (
	github.com/go-kratos/kratos/v2 v2.8.0
	google.golang.org/grpc v1.70.0
)

replace (
	github.com/go-kratos/kratos/v2 => ../fakes/kratos
	google.golang.org/grpc => ../fakes/grpc
)
