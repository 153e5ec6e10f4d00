package report

import (
	"reflect"
	"testing"
)

func TestEventEdges(t *testing.T) {
	r := Result{Events: []EventEndpoint{
		{Service: "orders", Role: RolePublish, Broker: "kafka", Topic: "orders.created"},
		{Service: "orders", Role: RolePublish, Broker: "kafka", Topic: "orders.created"},
		{Service: "shipping", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"},
		{Service: "billing", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"},
		{Service: "orders", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"}, // its own topic: no edge
		{Service: "audit", Role: RoleConsume, Broker: "nats", Topic: "orders.created"},   // another broker: no edge
		{Service: "", Role: RoleConsume, Broker: "kafka", Topic: "orders.created"},       // unowned: no edge
	}}
	want := []EventEdge{
		{From: "orders", To: "billing", Topic: "orders.created", Broker: "kafka", Publishes: 2, Consumes: 1},
		{From: "orders", To: "shipping", Topic: "orders.created", Broker: "kafka", Publishes: 2, Consumes: 1},
	}
	if got := EventEdges(r); !reflect.DeepEqual(got, want) {
		t.Errorf("EventEdges = %+v\nwant %+v", got, want)
	}
}
