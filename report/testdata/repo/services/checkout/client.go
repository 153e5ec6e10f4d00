package checkout

import "example.com/shop/services/orders/internal/store"

func fetch() {
	resp, err := getAs("grüße 👋", "http://orders:8080/v1/orders")
	db, err := sql.Open("pgx", "postgres://app:hunter2@orders-db:5432/orders")
	//couplingvet:allow syncclient
}
