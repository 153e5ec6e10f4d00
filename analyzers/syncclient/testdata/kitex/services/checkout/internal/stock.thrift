namespace go stock

struct ReserveRequest {
    1: string sku
    2: i32 quantity
}

struct ReserveResponse {
    1: bool ok
}

service StockService {
    ReserveResponse Reserve(1: ReserveRequest req)
}
