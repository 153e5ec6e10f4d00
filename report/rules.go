package report

import "slices"

// ToolName is the tool's name in every format.
const ToolName = "couplingvet"

// InformationURI is the tool's home page, linked from SARIF.
const InformationURI = "https://github.com/couplingvet/couplingvet"

// Rule describes one check for SARIF's rules array and for documentation.
type Rule struct {
	ID           string // the check name
	Name         string // PascalCase name (SARIF reportingDescriptor.name)
	Short        string // one sentence
	Full         string // what it reports and why it matters
	Fix          string // how to fix it
	Allow        string // how to accept it
	DefaultLevel string // SeverityError or SeverityWarning
	HelpURI      string // the check's manual
}

// Rules lists the checks couplingvet reports, sorted by ID.
var Rules = []Rule{
	{
		ID:           "crossimport",
		Name:         "CrossServiceImport",
		Short:        "A service imports another service's private code.",
		Full:         "A package owned by one service imports a package that another service owns and does not publish as a contract, or shared code imports a service's private code, directly or through a chain of shared packages. Such imports couple the services' release cycles and let one service depend on another's internals.",
		Fix:          "Import the other service's contract package (generated stubs, events, client SDK) instead, move the code both need into shared code, or ask the owning service to publish it as a contract.",
		Allow:        "Allow it in couplingvet.yaml with an allow rule that has a reason (`{from: <service>, to: <service>, check: crossimport, reason: \"...\"}`), or in code with `//couplingvet:allow crossimport <reason>` on the import line or the line above.",
		DefaultLevel: SeverityError,
	},
	{
		ID:           CheckCycles,
		Name:         "ServiceCycle",
		Short:        "Services depend on each other in a circle, through synchronous calls and imports.",
		Full:         "Two or more services call or import each other in a circle (a strongly connected component of the service graph over syncclient and crossimport edges, allowed edges included: an allow rule accepts an edge, not a cycle). A failure in any of them spreads to all, and none can be released, scaled or reasoned about alone. Only a standalone run, which sees every service at once, reports cycles.",
		Fix:          "Break one edge of the cycle with an event: let the service that calls or imports publish or consume events instead, or move the shared logic into one of the services.",
		Allow:        "Record the cycle in a baseline (-write-baseline) while it is being broken, or set `checks: {cycles: warn}` (the default) or `off` in couplingvet.yaml; allow rules and //couplingvet:allow directives accept edges, not cycles.",
		DefaultLevel: SeverityWarning,
		HelpURI:      InformationURI + "#service-cycles",
	},
	{
		ID:           "directive",
		Name:         "InvalidSuppressionDirective",
		Short:        "A //couplingvet:allow directive is malformed or suppresses nothing.",
		Full:         "A //couplingvet:allow directive has no reason, names an unknown check, or suppresses no finding. Stale suppressions hide the coupling a team thinks it has accepted.",
		Fix:          "Write the directive as `//couplingvet:allow <check> <reason>` on the reported line or the line above it, with a check name of crossimport, events, shareddb, syncclient or unowned; delete directives that suppress nothing.",
		Allow:        "A directive finding cannot itself be suppressed: fix or delete the directive.",
		DefaultLevel: SeverityError,
	},
	{
		ID:           "events",
		Name:         "PublishToAnotherServicesTopic",
		Short:        "A service publishes to a topic another service owns.",
		Full:         "A service publishes to a topic (Kafka topic, NATS subject, AMQP routing key, Redis stream, task type) that the boundary map gives to another service. Its events are that service's contract: a second writer changes what its consumers receive without the owner knowing. The check is off unless couplingvet.yaml turns it on.",
		Fix:          "Publish an event of your own and let the owning service consume it; declare the topics each service owns under services.<name>.topics in couplingvet.yaml.",
		Allow:        "Allow it in couplingvet.yaml with an allow rule that has a reason (`{from: <service>, to: <owner>, check: events, target: <topic>, reason: \"...\"}`), or in code with `//couplingvet:allow events <reason>` on the line or the line above.",
		DefaultLevel: SeverityWarning,
	},
	{
		ID:           "shareddb",
		Name:         "SharedDatabase",
		Short:        "A service connects to a database another service owns.",
		Full:         "A service opens a connection to a database that another service owns, or that several services open. A shared database couples the services' schemas and deployments: neither can change its tables without the other.",
		Fix:          "Read the data through the owning service's API or events, or give the service its own database; declare databases under services.<name>.databases in couplingvet.yaml.",
		Allow:        "Allow it in couplingvet.yaml with an allow rule that has a reason (`{from: <service>, to: <database>, check: shareddb, reason: \"...\"}`, and the database's shared_with list), or in code with `//couplingvet:allow shareddb <reason>` on the line or the line above.",
		DefaultLevel: SeverityError,
	},
	{
		ID:           "syncclient",
		Name:         "SynchronousServiceCall",
		Short:        "A service calls another service synchronously.",
		Full:         "A service calls another service synchronously over gRPC or HTTP, directly or through a client wrapper. Synchronous calls couple the services in time: the caller fails when the callee is slow or down.",
		Fix:          "Consume the other service's events, or keep a local copy of the data it needs, instead of calling it during a request.",
		Allow:        "Allow it in couplingvet.yaml with an allow rule that has a reason (`{from: <service>, to: <service>, check: syncclient, reason: \"...\"}`), or in code with `//couplingvet:allow syncclient <reason>` on the line or the line above.",
		DefaultLevel: SeverityError,
	},
	{
		ID:           "unowned",
		Name:         "UnownedPackage",
		Short:        "A package belongs to no service and is not shared code.",
		Full:         "A package of the repository is covered by no service, shared or wiring entry of couplingvet.yaml, so couplingvet cannot check its coupling.",
		Fix:          "Add the package's directory to a service's owns list, to shared, or to wiring in couplingvet.yaml.",
		Allow:        "Set `checks: {unowned: off}` in couplingvet.yaml to stop reporting unowned packages, or `unowned: warn` to report them without failing the run.",
		DefaultLevel: SeverityWarning,
	},
}

// ruleFor returns the rule of a check, or a generic one for a check this
// version does not describe (so output never drops a finding).
func ruleFor(check string) Rule {
	r := describe(check)
	if r.HelpURI == "" {
		r.HelpURI = docBase + docPackage(check)
	}
	return r
}

// docBase is where each check's manual (its analyzer's package doc) lives.
const docBase = "https://pkg.go.dev/github.com/couplingvet/couplingvet/analyzers/"

// docPackage is the analyzer package whose doc describes check.
func docPackage(check string) string {
	if check == "unowned" {
		return "crossimport"
	}
	return check
}

func describe(check string) Rule {
	if i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == check }); i >= 0 {
		return Rules[i]
	}
	return Rule{
		ID:           check,
		Name:         "Check" + check,
		Short:        "A coupling violation reported by the " + check + " check.",
		Full:         "A coupling violation reported by the " + check + " check of couplingvet.",
		Fix:          "See the message and the couplingvet README.",
		Allow:        "Allow it in couplingvet.yaml with an allow rule that has a reason, or in code with `//couplingvet:allow " + check + " <reason>`.",
		DefaultLevel: SeverityError,
	}
}
