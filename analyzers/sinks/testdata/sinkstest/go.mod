module example.com/sinkstest

go 1.26
