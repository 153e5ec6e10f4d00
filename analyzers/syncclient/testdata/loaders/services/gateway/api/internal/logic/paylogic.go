package logic

import (
	"context"
	"net/http"
	"strings"

	"example.com/loaders/services/gateway/api/internal/svc"

	"github.com/zeromicro/go-zero/core/logx"
)

type PayLogic struct {
	logx.Logger
	ctx    context.Context
	svcCtx *svc.ServiceContext
}

func NewPayLogic(ctx context.Context, svcCtx *svc.ServiceContext) *PayLogic {
	return &PayLogic{Logger: logx.WithContext(ctx), ctx: ctx, svcCtx: svcCtx}
}

func (l *PayLogic) Pay(body string) error {
	_, err := http.Post(l.svcCtx.Config.Payments.Url+"/v1/pay", "application/json", strings.NewReader(body)) // want `gateway calls payments synchronously \(http POST \{logic.PayLogic.svcCtx.Config.Payments.Url\}/v1/pay, address from services/gateway/api/etc/gateway-api.yaml:5\)`
	return err
}

// An external API and the gateway's own callback URL: no diagnostic.
func (l *PayLogic) Quote() {
	http.Get(l.svcCtx.Config.Carrier.Url + "/v1/quote")
	http.Get(l.svcCtx.Config.Callback.BaseUrl + "/paid")
}
