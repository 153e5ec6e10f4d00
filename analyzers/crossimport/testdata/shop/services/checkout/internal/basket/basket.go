package basket

type Basket struct{ Items []string }
