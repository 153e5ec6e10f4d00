module example.com/cycles

go 1.26.0
