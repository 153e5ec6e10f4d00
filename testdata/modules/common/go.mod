module example.com/modules/common

go 1.26
