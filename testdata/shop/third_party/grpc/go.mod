// A stand-in for google.golang.org/grpc with the API surface the example
// monorepo and its generated code use, so that the example builds offline.
// The real module is a drop-in replacement: delete the replace directive in
// ../../go.mod.
module google.golang.org/grpc

go 1.26
