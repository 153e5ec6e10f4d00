module example.com/modules/checkout

go 1.26

require (
	example.com/modules/common v0.0.0
	example.com/modules/orders v0.0.0
)

replace (
	example.com/modules/common => ../common
	example.com/modules/orders => ../orders
)
