package config

import "github.com/zeromicro/go-zero/rest"

type Config struct {
	rest.RestConf
	Payments struct {
		Url string
	}
	Carrier struct {
		Url string `json:",optional"`
	}
	Callback struct {
		BaseUrl string `json:"baseUrl"`
	}
}
