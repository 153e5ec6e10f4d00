package discount // want package:`reaches\(orders: example.com/shop/pkg/pricing -> example.com/shop/services/orders/store\)`

import "example.com/shop/pkg/pricing"

func Apply(id string) int { return pricing.Price(id) * 9 / 10 }
