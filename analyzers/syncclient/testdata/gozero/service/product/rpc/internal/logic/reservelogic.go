package logic

import (
	"context"

	"example.com/mall/service/product/rpc/internal/svc"
	"example.com/mall/service/product/rpc/types/product"

	"github.com/zeromicro/go-zero/core/logx"
)

type ReserveLogic struct {
	ctx    context.Context
	svcCtx *svc.ServiceContext
	logx.Logger
}

func NewReserveLogic(ctx context.Context, svcCtx *svc.ServiceContext) *ReserveLogic {
	return &ReserveLogic{
		ctx:    ctx,
		svcCtx: svcCtx,
		Logger: logx.WithContext(ctx),
	}
}

func (l *ReserveLogic) Reserve(in *product.ReserveRequest) (*product.ReserveResponse, error) {
	// todo: add your logic here and delete this line

	return &product.ReserveResponse{}, nil
}
