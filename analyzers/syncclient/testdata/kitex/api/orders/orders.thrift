namespace go orders

struct GetOrderRequest {
    1: string id
}

struct Order {
    1: string id
    2: i64 total_cents
}

service OrderService {
    Order GetOrder(1: GetOrderRequest req)
}
