module example.com/ws/platform

go 1.26
