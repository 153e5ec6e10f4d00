package gen // want `package tools/gen is owned by no service, shared or wiring entry of couplingvet.yaml: nobody's boundaries apply to it; add its directory to a service's owns, to shared or to wiring`

import _ "example.com/shop/services/orders/store"
