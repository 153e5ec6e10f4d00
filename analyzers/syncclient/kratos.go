package syncclient

import "go/ast"

// consumeDial marks a dial whose connection feeds a reported stub as the
// same call, and with it the options passed to the dial: kratos'
// grpc.DialInsecure(ctx, grpc.WithEndpoint("discovery:///orders")) carries
// its address in an option, which is where the sink table finds it.
func (c *checker) consumeDial(dial *ast.CallExpr) {
	c.consumed[dial] = true
	for _, arg := range dial.Args {
		if opt, ok := ast.Unparen(arg).(*ast.CallExpr); ok {
			c.consumed[opt] = true
		}
	}
}
