// Package discov is a minimal stand-in for github.com/zeromicro/go-zero/core/discov.
package discov

// EtcdConf is the etcd configuration of service discovery.
type EtcdConf struct {
	Hosts []string
	Key   string
	User  string
	Pass  string
}
