package use

import (
	"example.com/sinkstest/lib"
	"example.com/sinkstest/wrap"
)

func calls() {
	var c lib.Client
	c.Dial("http://direct:1")                         // want `hit lib.Client.Dial url=http://direct:1`
	(*lib.Client).Dial(&c, "http://methodexpr:1")     // want `hit lib.Client.Dial url=http://methodexpr:1`
	lib.Connect("a:1", "b:2")                         // want `hit lib.Connect url=a:1` `hit lib.Connect url=b:2`
	lib.Connect([]string{"c:3", "d:4"}...)            // want `hit lib.Connect url=c:3` `hit lib.Connect url=d:4`
	lib.Generic[int](1, "http://generic:1")           // want `hit lib.Generic url=http://generic:1`
	lib.Box[string]{}.Open("http://box:1")            // want `hit lib.Box.Open url=http://box:1`
	_ = lib.Options{Addr: "redis:1", DB: 2}           // want `hit lib.Options{Addr, DB} url=redis://redis:1/2`
	_ = &lib.Options{Addrs: []string{"r1:1", "r2:2"}} // want `hit lib.Options{Addrs} url=r1:1` `hit lib.Options{Addrs} url=r2:2`
	wrap.Dial("http://wrapped:1")                     // want `hit example.com/sinkstest/wrap.Dial -> lib.Client.Dial url=http://wrapped:1`
	wrap.DialTwice("two")                             // want `hit example.com/sinkstest/wrap.DialTwice -> example.com/sinkstest/wrap.Dial -> lib.Client.Dial url=http://two:80`
	wrap.Fixed()                                      // want `hit example.com/sinkstest/wrap.Fixed -> lib.Client.Dial url=http://fixed:1`
	wrap.Recurse("http://r", 3)                       // want `hit example.com/sinkstest/wrap.Recurse -> lib.Client.Dial url=http://r`
	wrap.NewClient("http://sdk:1").Get()              // want `hit example.com/sinkstest/wrap.NewClient -> example.com/sinkstest/wrap.Client.Get -> lib.Client.Dial url=http://sdk:1/v1`
	local("http://local:1")                           // want `hit example.com/sinkstest/use.local -> lib.Client.Dial url=http://local:1`
}

func local(u string) { // want local:`url {param0:u} via lib.Client.Dial`
	new(lib.Client).Dial(u) // not a hit: the caller above is
}
