package index

func Nearest() string { return "" }
