module github.com/acme/shopapi

go 1.26

require google.golang.org/grpc v1.70.0

replace google.golang.org/grpc => ../grpc
