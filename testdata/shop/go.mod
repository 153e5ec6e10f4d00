module example.com/shop

go 1.26

require google.golang.org/grpc v1.72.0

// The example builds offline against a small stand-in of gRPC.
replace google.golang.org/grpc => ./third_party/grpc
