// Package appconf declares configuration structs the way loaders fill
// them: kratos-style generated config (a Bootstrap root holding Data) and
// a go-zero-style Config with an embedded server config and an anonymous
// struct.
package appconf

type Bootstrap struct {
	Server *Server `json:"server,omitempty"`
	Data   *Data   `json:"data,omitempty"`
}

type Server struct {
	Addr string `json:"addr,omitempty"`
}

type Data struct {
	Database *Data_Database `json:"database,omitempty"`
}

type Data_Database struct {
	Driver string `json:"driver,omitempty"`
	Source string `json:"source,omitempty"`
}

type RpcServerConf struct {
	ListenOn string
	Etcd     EtcdConf `json:",optional"`
}

type EtcdConf struct {
	Hosts []string
	Key   string
}

// Config is a document root of its own: nothing here holds it.
type Config struct {
	RpcServerConf
	Mysql struct {
		DataSource string
	}
	CacheRedis RedisConf `yaml:"cache_redis" mapstructure:"cache_redis"`
}

type RedisConf struct {
	Host string
}

// Shared is held by two types: where it sits in a document is ambiguous.
type Shared struct{ URL string }

type HoldsShared1 struct{ A Shared }
type HoldsShared2 struct{ B Shared }
