module example.com/runtimeshop

go 1.26
