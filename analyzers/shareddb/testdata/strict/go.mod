module example.com/strictshop

go 1.26
