package syncclient

import (
	"strings"

	"github.com/couplingvet/couplingvet/analyzers/sinks"
	"github.com/couplingvet/couplingvet/analyzers/value"
	"github.com/couplingvet/couplingvet/boundaries"
)

// Discovery is the sink kind of an argument that names a service in a
// service registry rather than an address: go-kit's
// consul.NewInstancer(client, logger, "addsvc", tags, passingOnly). Its
// label names the registry, which messages show in place of a protocol.
//
// An instancer exists to reach instances of the service it names: the
// sd.NewEndpointer, lb.NewRoundRobin and lb.Retry built on it, and the
// factory that receives each instance's address, are the same call, which
// is reported once, where the instancer is made.
const Discovery sinks.Kind = "discovery"

// gokitSD is where go-kit keeps its service-discovery clients.
const gokitSD = "github.com/go-kit/kit/sd/"

// gokitInstancers are go-kit's instancers, each with the argument that names
// the service: a registry name, a DNS SRV name, or a key prefix.
var gokitInstancers = []sinks.Entry{
	sinks.Call(gokitSD+"consul", "NewInstancer", 2, Discovery, "consul"),
	sinks.Call(gokitSD+"etcdv3", "NewInstancer", 1, Discovery, "etcd"),
	sinks.Call(gokitSD+"etcd", "NewInstancer", 1, Discovery, "etcd"),
	sinks.Call(gokitSD+"zk", "NewInstancer", 1, Discovery, "zookeeper"),
	sinks.Call(gokitSD+"eureka", "NewInstancer", 1, Discovery, "eureka"),
	sinks.Call(gokitSD+"dnssrv", "NewInstancer", 0, Discovery, "dns-srv"),
	sinks.Call(gokitSD+"dnssrv", "NewInstancerDetailed", 0, Discovery, "dns-srv"),
}

// serviceOfDiscoveryName attributes a registry name through the map's
// hosts: "addsvc" as any host is; an SRV name without its _service._proto
// labels; a key prefix ("/services/addsvc/") when the map lists it, or when
// its last segment is a name the map lists.
func serviceOfDiscoveryName(m *boundaries.Map, v value.Value) string {
	if svc := serviceOfAddress(m, v); svc != "" {
		return svc
	}
	name, ok := v.Text()
	if !ok {
		return ""
	}
	for strings.HasPrefix(name, "_") {
		_, name, _ = strings.Cut(name, ".")
	}
	if !strings.Contains(name, "/") {
		return m.ServiceOfHost(name)
	}
	key := strings.Trim(name, "/")
	for _, s := range m.Services {
		for _, h := range s.Hosts {
			if strings.Trim(h, "/") == key {
				return s.Name
			}
		}
	}
	last := key[strings.LastIndexByte(key, '/')+1:]
	if last == "" || strings.ContainsAny(last, ".:") {
		return "" // a segment that is not a plain name
	}
	return m.ServiceOfHost(last)
}
