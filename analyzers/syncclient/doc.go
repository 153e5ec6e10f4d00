// Package syncclient defines an Analyzer that reports synchronous calls
// from one service to another.
//
// # Analyzer syncclient
//
// syncclient: report synchronous HTTP and gRPC calls from one service to another
//
// A service that calls another synchronously cannot answer while the other
// is down or slow: its availability is the product of both, its latency the
// sum. This temporal coupling is the first step to a distributed monolith,
// and it is invisible in the import graph. syncclient finds those calls and
// attributes each to the service it reaches, using the boundary map
// (couplingvet.yaml):
//
//	checkout calls orders synchronously (http GET http://orders:8080/v1/orders via pkg/httpclient.Get):
//	temporal coupling — checkout fails and slows down when orders does; consume orders' events or keep
//	a local read model, or allow the edge in couplingvet.yaml with a reason (and an expiry if it is meant to go)
//
// # What is a call
//
// HTTP: http.Get, Head, Post, PostForm; (*http.Client).Get, Head, Post,
// PostForm; http.NewRequest and NewRequestWithContext — reported at the
// (*http.Client).Do that sends the request when that happens in the same
// function, else where the request is built; resty's (v2 and v3) SetBaseURL and
// R().Get/Post/Put/Patch/Delete/Head/Options/Execute with an absolute URL
// (a request relative to the client's base URL is part of the call that set
// it: a client SDK's constructor is the call, not each of its methods), and
// v3's R().Trace/Query, the builder's R().SetURL (sent by Send), and the base
// URLs of its load balancers (NewRoundRobin, Host{BaseURL}, and the domain
// NewSRVWeightedRoundRobin looks up);
// go-kit's httptransport.NewClient(method, tgt, ...) and
// jsonrpc.NewClient(tgt, method, ...); kratos'
// http.NewClient(ctx, http.WithEndpoint(...)).
//
// Service discovery: go-kit's consul, etcd, etcdv3, zk, eureka and dnssrv
// NewInstancer, reported where the instancer is made: the
// sd.NewEndpointer, lb.NewRoundRobin and lb.Retry built on it, and the
// factory that receives each instance, are the same call.
//
// gRPC: grpc.NewClient, Dial and DialContext; generated stubs
// NewXxxClient(conn), recognised by the generated code's shape — a
// constructor taking a grpc.ClientConnInterface and returning the XxxClient
// interface, with the service named by the Xxx_*_FullMethodName constants or
// the grpc.ServiceDesc literal — not by file names; go-kit's
// grpctransport.NewClient(conn, service, method, ...); go-zero's
// zrpc.RpcClientConf{Endpoints, Target} and discov.EtcdConf{Key} literals,
// zrpc.NewClientWithTarget, the Endpoints, Target and Etcd.Key of a
// configuration passed whole to zrpc.MustNewClient or NewClient (also
// through a shared wrapper that takes it as a parameter: reported where a
// service hands over its configuration's block), and goctl's generated client
// <svc>client.New<Svc>(zrpc.MustNewClient(conf)), one call attributed to the
// owner of the client package, else by the configuration; kratos'
// grpc.Dial/DialInsecure with grpc.WithEndpoint("discovery:///orders");
// Kitex's generated NewClient/MustNewClient(destService, opts...), attributed
// by client.WithHostPorts(...), else by destService, the name the callee
// registers under (client.WithResolver: consul, etcd, nacos); go-micro's
// generated New<Svc>Service(name, client), name being the callee's
// registry name.
//
// connect-go and twirp: connect.NewClient and the generated
// NewXxxServiceClient(httpClient, baseURL); twirp's generated
// NewXxxProtobufClient and NewXxxJSONClient(baseURL, client), recognised by
// their signature and the XxxPathPrefix constant.
//
// Dapr service invocation: the go-sdk's InvokeMethod,
// InvokeMethodWithContent and InvokeMethodWithCustomContent(ctx, appID,
// ...), and a URL of the sidecar's HTTP API
// (http://localhost:3500/v1.0/invoke/<app-id>/method/...), attributed by
// the app-id (or app-id.namespace), which the map lists among the callee's
// hosts; the URL's host is the caller's own sidecar and attributes nothing.
//
// Users add in-house clients to the map's sinks: list (kinds url, address,
// hostport, grpc-target).
//
// # Who is called
//
// Addresses are resolved statically (package value): constants,
// concatenation, fmt.Sprintf, os.Getenv keys, flag defaults, struct literal
// fields, local variables, parameters of wrappers. A URL or address is
// attributed by the map's hosts (DNS names, host:port, URL prefixes,
// discovery names) when its host is known text, or by its env/config key
// (the map's env). A registry name is attributed by the hosts too: kratos'
// discovery:///orders by "orders" or "discovery:///orders", a go-kit
// instancer's "orders" or SRV name as a host, an etcd key prefix
// ("/services/orders/") when the map lists it or its last segment. A generated stub is attributed to the service whose
// contract declares it, else by its full gRPC service name (the map's grpc,
// for repos that copy generated code), else by its base URL. A stub in the
// caller's own code or contract is a copy of the callee's generated code
// (src/frontend/genproto holding every service's stubs): only its gRPC name
// says who is called, and it is a call to itself only when that name is the
// caller's own. One coupling is one finding: the connection dialled for a
// stub is part of the stub's call, so neither the dial nor the callers of a
// function that dials a name it is given (initReviewClient("reviews")) are
// reported again; nor is a dial in main whose connection is handed to a
// function that builds the stub on it (a fact marks that parameter), nor a
// gRPC dial to a service that a stub of the same package calls (the
// connection kept in a struct field, the stub built per request).
//
// An address the code reads from its environment or a config file takes
// the value the deploy files (docker-compose, Kubernetes, Helm) set for the
// containers that run the caller's code, or the caller's config files hold
// (value.Bind): os.Getenv("ORDERS_ADDR") with ORDERS_ADDR: orders:9090 in
// compose is a call to orders, and the message says which file said so. A
// value set differently in several places is attributed only when every
// one names the same service.
//
// Nothing is guessed: a call whose address the map cannot attribute — a
// third-party API, a URL built from a value known only at run time — is
// silent. With -strict it is listed with what stopped attribution ("env
// CATALOG_URL: no value in the map, the config files or the deploy files
// of checkout"), so that the map can be completed; calls to a system the
// map declares external are not. Calls from a service to itself are never
// reported. The analyzer's Result says what became of every call found in
// a service's code (reported, allowed, to itself, the dial of a stub
// reported with it, external, unattributed): nothing is dropped without a
// word.
//
// # Wrappers
//
// Most repositories do not call net/http or grpc directly but through a
// shared helper (httpclient.Get(url)), a client SDK that the called service
// publishes in its contract (orders/client.New() dialling a built-in
// default address), or a constructor that dials a name it is given. Such a
// function gets a fact (modelled on x/tools' printf wrappers) saying which
// of its parameters reaches which client, or, in shared and contract code,
// which fixed address it calls. The call in service A is then reported
// where A calls the wrapper, with the chain: "via pkg/rest.FetchJSON ->
// pkg/httpclient.Get". A service's own helper is reported inside it as soon
// as the address is known (the parameters only add to the path); otherwise
// at its callers.
//
// Shared code is never reported itself: it belongs to no service. Its calls
// are reported at the services that use it. A composition root (a wiring
// entry, or a main no service owns) that builds a client for service B and
// hands it to a function of service A is reported there, as A calling B.
//
// An exported field of an exported struct type of service A that only
// packages importing A's package set (frontend.ConfigOptions{DriverHostPort:
// "driver:8082"} in a cmd), and that a method of A dials, is followed to
// those literals by the type's wrapper fact: the call is A's code, reported
// as A calling B at the literal, whether it is in A's own code, in a
// composition root or in service C's code ("... -> address set by
// services/c/embedded"). A variable of the type whose fields are set one
// by one (var opts frontend.ConfigOptions; opts.DriverHostPort = x) is
// followed the same way, reported at the first write of a field the call
// reads; one reached through a pointer (opts := &frontend.ConfigOptions{})
// is not. -strict also lists the call in A's package, with a hole that
// says where it is reported.
//
// # The target, and allowing an edge
//
// Each finding names a target: the URL (credentials, query string and
// fragment removed; an env key shown as $KEY; an unknown part as "…" or the
// parameter's {name}) or the gRPC service or method
// (shop.orders.v1.OrderService, /shop.orders.v1.OrderService/GetOrder). An
// allow rule in the map accepts an edge (from, to, check: syncclient) with
// a reason, and can be narrowed with target: to a URL path prefix
// (/v1/quotes), a whole URL prefix (http://orders:8080/v1/quotes) or a gRPC
// service or method. A
// //couplingvet:allow syncclient <reason> comment on the line or the line
// above accepts one call.
package syncclient
