package confread

import "example.com/valuetest/appconf"

func show(string) {}

type ServiceContext struct {
	Config appconf.Config
}

type Logic struct {
	svcCtx *ServiceContext
}

func kratos(c *appconf.Data, b *appconf.Bootstrap) {
	show(c.Database.Source)      // want `\{configfield:appconf.Data.Database.Source\} origin=config field appconf.Data.Database.Source`
	show(b.Data.Database.Source) // want `\{configfield:appconf.Bootstrap.Data.Database.Source\} origin=config field appconf.Bootstrap.Data.Database.Source`
}

func gozero(c appconf.Config, l *Logic) {
	show(c.Mysql.DataSource)              // want `\{configfield:appconf.Config.Mysql.DataSource\}`
	show(c.Etcd.Key)                      // want `\{configfield:appconf.Config.Etcd.Key\}`
	show(l.svcCtx.Config.CacheRedis.Host) // want `\{configfield:confread.Logic.svcCtx.Config.CacheRedis.Host\}`
}

func ambiguous(h appconf.HoldsShared1) {
	show(h.A.URL) // want `\{configfield:appconf.HoldsShared1.A.URL\}`
}
