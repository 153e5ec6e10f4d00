module example.com/ws/orders

go 1.26
