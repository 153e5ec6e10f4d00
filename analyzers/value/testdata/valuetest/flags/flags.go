// Package flags defines flags with the standard library, pflag and cobra.
package flags

import (
	"flag"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func show(s string) {}

const ordersFlag = "orders-url"

var (
	stdAddr   = flag.String("addr", "orders:8080", "orders address")
	pAddr     = pflag.String("paddr", "orders:8081", "orders address")
	pShort    = pflag.StringP("pshort", "p", "orders:8082", "orders address")
	fsAddr    = pflag.NewFlagSet("x", pflag.ContinueOnError).StringP("fsaddr", "f", "orders:8083", "")
	pVar      string
	pVarP     string
	cobraURL  string
	cobraDSN  string
	disagreed string
)

type config struct{ redis string }

var cfg config

func init() {
	pflag.StringVar(&pVar, "pvar", "orders:8084", "")
	pflag.StringVarP(&pVarP, "pvarp", "v", "orders:8085", "")
	pflag.StringVarP(&cfg.redis, "redis", "r", "redis:6379", "")
}

func command() *cobra.Command {
	cmd := &cobra.Command{Use: "checkout"}
	cmd.PersistentFlags().StringVarP(&cobraURL, ordersFlag, "o", "http://orders:8080", "orders")
	cmd.Flags().StringVar(&cobraDSN, "dsn", "postgres://orders-db/orders", "database")
	cmd.Flags().String("search-url", "http://search:8080", "search")
	cmd.Flags().String("payments-url", "http://payments:8080", "payments")
	cmd.Flags().String("payments-url", "http://payments:9090", "payments, elsewhere")
	return cmd
}

func values(cmd *cobra.Command, name string) {
	show(*stdAddr)  // want `^\{flag:addr\} origin=flag -addr pattern=orders:8080$`
	show(*pAddr)    // want `^\{flag:paddr\} origin=flag -paddr pattern=orders:8081$`
	show(*pShort)   // want `^\{flag:pshort\} origin=flag -pshort pattern=orders:8082$`
	show(*fsAddr)   // want `^\{flag:fsaddr\} origin=flag -fsaddr pattern=orders:8083$`
	show(pVar)      // want `^\{flag:pvar\} origin=flag -pvar pattern=orders:8084$`
	show(pVarP)     // want `^\{flag:pvarp\} origin=flag -pvarp pattern=orders:8085$`
	show(cfg.redis) // want `^\{flag:redis\} origin=flag -redis pattern=redis:6379$`
	show(cobraURL)  // want `^\{flag:orders-url\} origin=flag -orders-url pattern=http://orders:8080$`
	show(cobraDSN)  // want `^\{flag:dsn\} origin=flag -dsn pattern=postgres://orders-db/orders$`

	search, _ := cmd.Flags().GetString("search-url")
	show(search) // want `^\{flag:search-url\} origin=flag -search-url pattern=http://search:8080$`
	orders, _ := cmd.PersistentFlags().GetString(ordersFlag)
	show(orders) // want `^\{flag:orders-url\} origin=flag -orders-url pattern=http://orders:8080$`

	// Two definitions with different defaults: the flag, no default.
	payments, _ := cmd.Flags().GetString("payments-url")
	show(payments) // want `^\{flag:payments-url\} origin=flag -payments-url$`
	computed, _ := cmd.Flags().GetString(name)
	show(computed) // want `^\{unknown:flag with a computed name\}`
	pflag.StringVar(&disagreed, name, "x", "")
	show(disagreed) // want `^\{unknown:flag with a computed name\}`
}
