package syncclient

import "github.com/couplingvet/couplingvet/analyzers/sinks"

// GRPCService is the sink kind of an argument that names a full gRPC
// service (shop.orders.v1.OrderService) rather than an address: go-kit's
// grpctransport.NewClient(conn, serviceName, method, ...). Its label is the
// method name.
const GRPCService sinks.Kind = "grpc-service"

// Protocols, as labels of the sink table and words of the messages. A URL
// sink whose label is none of them carries the HTTP method in its label
// (http.NewRequest's first argument).
const (
	protoHTTP    = "http"
	protoGRPC    = "grpc"
	protoConnect = "connect"
	protoTwirp   = "twirp"
	protoKitex   = "kitex"
	protoMicro   = "go-micro"
	protoDapr    = "dapr invoke"
)

// builtins is the table of client libraries whose calls are synchronous
// calls to another process. Generated stubs (gRPC, twirp, Kitex) are not
// here: they are recognised by their shape (see stubs.go).
var builtins = []sinks.Entry{
	// net/http
	sinks.Call("net/http", "Get", 0, sinks.URL, "http GET"),
	sinks.Call("net/http", "Head", 0, sinks.URL, "http HEAD"),
	sinks.Call("net/http", "Post", 0, sinks.URL, "http POST"),
	sinks.Call("net/http", "PostForm", 0, sinks.URL, "http POST"),
	sinks.Call("net/http", "Client.Get", 0, sinks.URL, "http GET"),
	sinks.Call("net/http", "Client.Head", 0, sinks.URL, "http HEAD"),
	sinks.Call("net/http", "Client.Post", 0, sinks.URL, "http POST"),
	sinks.Call("net/http", "Client.PostForm", 0, sinks.URL, "http POST"),
	// The request is usually sent by (*http.Client).Do in the same
	// function; the finding then moves there (see sentByDo).
	sinks.Call("net/http", "NewRequest", 1, sinks.URL, "").WithLabelArg(0),
	sinks.Call("net/http", "NewRequestWithContext", 2, sinks.URL, "").WithLabelArg(1),

	// gRPC
	sinks.Call("google.golang.org/grpc", "NewClient", 0, sinks.GRPCTarget, protoGRPC),
	sinks.Call("google.golang.org/grpc", "Dial", 0, sinks.GRPCTarget, protoGRPC),
	sinks.Call("google.golang.org/grpc", "DialContext", 1, sinks.GRPCTarget, protoGRPC),

	// connect-go: the URL is the base URL followed by /pkg.Service/Method.
	sinks.Call("connectrpc.com/connect", "NewClient", 1, sinks.URL, protoConnect),

	// resty: a base URL, or an absolute URL per request.
	sinks.Call("github.com/go-resty/resty/v2", "Client.SetBaseURL", 0, sinks.URL, protoHTTP),
	sinks.Call("github.com/go-resty/resty/v2", "Client.SetHostURL", 0, sinks.URL, protoHTTP),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Get", 0, sinks.URL, "http GET"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Head", 0, sinks.URL, "http HEAD"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Post", 0, sinks.URL, "http POST"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Put", 0, sinks.URL, "http PUT"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Patch", 0, sinks.URL, "http PATCH"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Delete", 0, sinks.URL, "http DELETE"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Options", 0, sinks.URL, "http OPTIONS"),
	sinks.Call("github.com/go-resty/resty/v2", "Request.Execute", 1, sinks.URL, "").WithLabelArg(0),
	// resty v3 (resty.dev/v3): the same calls, plus Trace and Query, the
	// builder's SetURL (sent by Send with the method SetMethod gave it, which
	// the message leaves out), and the load balancers that hold base URLs:
	// NewRoundRobin's, each Host's, and the SRV name NewSRVWeightedRoundRobin
	// looks up (_service._proto.domainName; the domain names the service).
	sinks.Call("resty.dev/v3", "Client.SetBaseURL", 0, sinks.URL, protoHTTP),
	sinks.Call("resty.dev/v3", "Request.Get", 0, sinks.URL, "http GET"),
	sinks.Call("resty.dev/v3", "Request.Head", 0, sinks.URL, "http HEAD"),
	sinks.Call("resty.dev/v3", "Request.Post", 0, sinks.URL, "http POST"),
	sinks.Call("resty.dev/v3", "Request.Put", 0, sinks.URL, "http PUT"),
	sinks.Call("resty.dev/v3", "Request.Patch", 0, sinks.URL, "http PATCH"),
	sinks.Call("resty.dev/v3", "Request.Delete", 0, sinks.URL, "http DELETE"),
	sinks.Call("resty.dev/v3", "Request.Options", 0, sinks.URL, "http OPTIONS"),
	sinks.Call("resty.dev/v3", "Request.Trace", 0, sinks.URL, "http TRACE"),
	sinks.Call("resty.dev/v3", "Request.Query", 0, sinks.URL, "http QUERY"),
	sinks.Call("resty.dev/v3", "Request.Execute", 1, sinks.URL, "").WithLabelArg(0),
	sinks.Call("resty.dev/v3", "Request.SetURL", 0, sinks.URL, protoHTTP),
	sinks.Call("resty.dev/v3", "NewRoundRobin", 0, sinks.URL, protoHTTP),
	sinks.Literal("resty.dev/v3", "Host", "{BaseURL}", sinks.URL, protoHTTP),
	sinks.Call("resty.dev/v3", "NewSRVWeightedRoundRobin", 2, Discovery, "dns-srv"),

	// go-kit
	sinks.Call("github.com/go-kit/kit/transport/http", "NewClient", 1, sinks.URL, "").WithLabelArg(0),
	sinks.Call("github.com/go-kit/kit/transport/grpc", "NewClient", 1, GRPCService, "").WithLabelArg(2),
	// JSON-RPC over HTTP: always a POST; its method argument is the RPC's.
	sinks.Call("github.com/go-kit/kit/transport/http/jsonrpc", "NewClient", 0, sinks.URL, "http POST"),

	// go-zero: direct endpoints, a target, or an etcd discovery key.
	sinks.Literal("github.com/zeromicro/go-zero/zrpc", "RpcClientConf", "{Endpoints}", sinks.Address, protoGRPC),
	sinks.Literal("github.com/zeromicro/go-zero/zrpc", "RpcClientConf", "{Target}", sinks.GRPCTarget, protoGRPC),
	sinks.Literal("github.com/zeromicro/go-zero/core/discov", "EtcdConf", "{Key}", sinks.Address, protoGRPC),
	sinks.Call("github.com/zeromicro/go-zero/zrpc", "NewClientWithTarget", 0, sinks.GRPCTarget, protoGRPC),
	// A configuration passed whole (a shared wrapper's parameter, a
	// config file's block): the fields the client dials.
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "MustNewClient", 0, "Endpoints", sinks.Address, protoGRPC),
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "MustNewClient", 0, "Target", sinks.GRPCTarget, protoGRPC),
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "MustNewClient", 0, "Etcd.Key", sinks.Address, protoGRPC),
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "NewClient", 0, "Endpoints", sinks.Address, protoGRPC),
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "NewClient", 0, "Target", sinks.GRPCTarget, protoGRPC),
	sinks.CallField("github.com/zeromicro/go-zero/zrpc", "NewClient", 0, "Etcd.Key", sinks.Address, protoGRPC),

	// Dapr service invocation: the app-id names the callee, whose sidecar
	// the call goes through (the map lists app-ids as hosts).
	sinks.Call(daprClient, "Client.InvokeMethod", 1, Discovery, protoDapr),
	sinks.Call(daprClient, "Client.InvokeMethodWithContent", 1, Discovery, protoDapr),
	sinks.Call(daprClient, "Client.InvokeMethodWithCustomContent", 1, Discovery, protoDapr),
	sinks.Call(daprClient, "GRPCClient.InvokeMethod", 1, Discovery, protoDapr),
	sinks.Call(daprClient, "GRPCClient.InvokeMethodWithContent", 1, Discovery, protoDapr),
	sinks.Call(daprClient, "GRPCClient.InvokeMethodWithCustomContent", 1, Discovery, protoDapr),

	// kratos: the endpoint option of its gRPC and HTTP clients.
	sinks.Call("github.com/go-kratos/kratos/v2/transport/grpc", "WithEndpoint", 0, sinks.GRPCTarget, protoGRPC),
	sinks.Call("github.com/go-kratos/kratos/v2/transport/http", "WithEndpoint", 0, sinks.Address, protoHTTP),
}

// daprClient is the Dapr go-sdk's client package.
const daprClient = "github.com/dapr/go-sdk/client"

// kinds are the sink kinds this analyzer takes from the map's sinks: list.
var kinds = []sinks.Kind{sinks.URL, sinks.Address, sinks.HostPort, sinks.GRPCTarget}

// builtinTable indexes builtins and go-kit's instancers (gokit.go).
var builtinTable = sinks.NewTable(append(builtins, gokitInstancers...)...)
