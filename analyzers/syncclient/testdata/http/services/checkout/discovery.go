package checkout

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/go-kit/kit/endpoint"
	"github.com/go-kit/kit/sd"
	"github.com/go-kit/kit/sd/consul"
	"github.com/go-kit/kit/sd/dnssrv"
	"github.com/go-kit/kit/sd/etcd"
	"github.com/go-kit/kit/sd/etcdv3"
	"github.com/go-kit/kit/sd/eureka"
	"github.com/go-kit/kit/sd/lb"
	"github.com/go-kit/kit/sd/zk"
	httptransport "github.com/go-kit/kit/transport/http"
	"github.com/go-kit/log"
	"github.com/hudl/fargo"
)

// consulClient: the usual go-kit chain. The instancer names the service;
// the endpointer, balancer and retry built on it are the same call.
func consulClient(client consul.Client, logger log.Logger) endpoint.Endpoint {
	instancer := consul.NewInstancer(client, logger, "usersvc", []string{"prod"}, true) // want `checkout calls users synchronously \(consul usersvc\)`
	endpointer := sd.NewEndpointer(instancer, usersFactory, logger)
	balancer := lb.NewRoundRobin(endpointer)
	return lb.Retry(3, 500*time.Millisecond, balancer)
}

// usersFactory builds an endpoint for one instance the instancer found:
// whose address is known only at run time, and is not reported again.
func usersFactory(instance string) (endpoint.Endpoint, io.Closer, error) { // want usersFactory:`^url\(GET\) http://\{param0:instance\}/v1/users via http.NewClient$`
	u, err := url.Parse("http://" + instance + "/v1/users")
	if err != nil {
		return nil, nil, err
	}
	return httptransport.NewClient("GET", u, httptransport.EncodeJSONRequest, decodeAny).Endpoint(), nil, nil
}

func decodeAny(context.Context, *http.Response) (interface{}, error) { return nil, nil }

// etcdClients: an etcd key prefix, listed by the map or ending in a name it lists.
func etcdClients(client etcdv3.Client, logger log.Logger) {
	etcdv3.NewInstancer(client, "/services/profilesvc/", logger) // want `checkout calls profile synchronously \(etcd /services/profilesvc/\)`
	etcdv3.NewInstancer(client, "/services/usersvc", logger)     // want `checkout calls users synchronously \(etcd /services/usersvc\)`
}

// olderRegistries: etcd's v2 API, ZooKeeper paths and Eureka applications.
func olderRegistries(e etcd.Client, z zk.Client, conn *fargo.EurekaConnection, logger log.Logger) {
	etcd.NewInstancer(e, "/services/profilesvc", logger) // want `checkout calls profile synchronously \(etcd /services/profilesvc\)`
	zk.NewInstancer(z, "/services/usersvc", logger)      // want `checkout calls users synchronously \(zookeeper /services/usersvc\)`
	eureka.NewInstancer(conn, "USERSVC", logger)         // want `checkout calls users synchronously \(eureka USERSVC\)`
}

// dnsSRV: an SRV name, with or without its _service._proto labels.
func dnsSRV(logger log.Logger) {
	dnssrv.NewInstancer("_http._tcp.orders.shop.svc.cluster.local", 30*time.Second, logger)    // want `checkout calls orders synchronously \(dns-srv _http._tcp.orders.shop.svc.cluster.local\)`
	dnssrv.NewInstancer("usersvc.prod.svc.cluster.local", 30*time.Second, logger)              // want `checkout calls users synchronously \(dns-srv usersvc.prod.svc.cluster.local\)`
	dnssrv.NewInstancerDetailed("usersvc", time.NewTicker(time.Minute), net.LookupSRV, logger) // want `checkout calls users synchronously \(dns-srv usersvc\)`
}

// Clean: names the map does not know, and the service's own.
func discoveryClean(client consul.Client, etcd etcdv3.Client, logger log.Logger) {
	consul.NewInstancer(client, logger, "checkout", nil, true)
	consul.NewInstancer(client, logger, "recommendations", nil, true)
	etcdv3.NewInstancer(etcd, "/services/recommendations/", logger)
	etcdv3.NewInstancer(etcd, "/services/", logger)
	dnssrv.NewInstancer("_http._tcp.search.example.com", time.Minute, logger)
}
