// Package stock serves Kitex RPC.
package stock
