// Package ordersv1 holds the messages of shop.orders.v1.
package ordersv1

type GetOrderRequest struct{ Id string }

type Order struct{ Id string }
