package payments

func Pay() {}
