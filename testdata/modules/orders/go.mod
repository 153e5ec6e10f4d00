module example.com/modules/orders

go 1.26

require example.com/modules/common v0.0.0

replace example.com/modules/common => ../common
