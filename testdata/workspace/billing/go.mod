module example.com/ws/billing

go 1.26
