module example.com/shop

go 1.26

require (
	github.com/cloudwego/kitex v0.12.0
	github.com/go-kratos/kratos/v2 v2.8.0
	github.com/zeromicro/go-zero v1.8.0
	google.golang.org/grpc v1.70.0
)

replace (
	github.com/cloudwego/kitex => ../fakes/kitex
	github.com/go-kratos/kratos/v2 => ../fakes/kratos
	github.com/zeromicro/go-zero => ../fakes/gozero
	google.golang.org/grpc => ../fakes/grpc
)
