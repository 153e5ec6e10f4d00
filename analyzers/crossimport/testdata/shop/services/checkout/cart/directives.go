package cart

import (
	//couplingvet:allow crossimport // want `//couplingvet:allow crossimport has no reason, so it suppresses nothing: say why this coupling is accepted`
	_ "example.com/shop/services/orders/store" // want `checkout imports orders' private package services/orders/store`
)

//couplingvet:allow crossimport nothing here crosses a boundary // want `//couplingvet:allow crossimport suppresses nothing on this line or the next: remove the stale directive`
var stale = 1

//couplingvet:allow crossmport typo in the check name // want `//couplingvet:allow names unknown check "crossmport": use one of \[crossimport events shareddb syncclient unowned\]`
var typo = 2

//couplingvet:allow cycles checkout and orders call each other // want `//couplingvet:allow cycles suppresses nothing: a cycle is not a line of code`
var cycle = 3
