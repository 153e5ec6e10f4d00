// github.com/acme/shopapi: the shop's API module, which services require at
// a version (its stubs are not in the repository). It does not exist
// publicly, so the fixture reaches it through a replace directive.
module github.com/acme/shopapi

go 1.26

require (
	google.golang.org/grpc v1.78.0
	google.golang.org/protobuf v1.36.11
)
