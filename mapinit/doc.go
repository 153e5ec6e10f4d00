// Package mapinit guesses a starter boundary map (couplingvet.yaml) for a
// repository: what "couplingvet init" writes. Every guess carries the
// reason it was made, written as a comment beside it, so that a person can
// check the map in a minute rather than write it in an hour.
//
// It reads the repository without type-checking, and never fails on what
// it cannot read (a file that does not parse gives no guess):
//
//   - Services from the layout. With a go.work (or, without one, several
//     go.mod files), each module is a service, unless its own layout splits
//     it into several (below) or its name says it is shared code (common,
//     pkg, lib, ...). Otherwise, the first of these that gives two or more
//     services: the children of services/, service/, microservices/,
//     apps/, app/, packages/ or src/ (with cmd/<svc> and internal/<svc> of
//     the same name joined to them); cmd/<svc> lined up with internal/<svc>
//     and internal/app/<svc> by name (or internal/<svc> alone when there is
//     no cmd/); top-level directories with a main package of their own.
//     Names are compared without case, '-', '_' and a service/svc/srv/
//     server suffix, so cmd/raid-lobby joins internal/raid_lobby.
//   - Main packages no service owns: one that imports two or more services
//     is wiring (a composition root); one under cmd/ that imports a single
//     service is that service's.
//   - Contracts from generated code: a directory of protoc-gen-go(-grpc),
//     go-micro, Twirp, Connect or Kitex (kitex_gen) output, a goctl zrpc
//     client (by its header, or by the shape of New<Svc>(cli zrpc.Client)), or an oapi-codegen / OpenAPI Generator client is the contract
//     of the service that registers it as its server (RegisterXxxServer,
//     RegisterXxxHandler, NewServer, NewXxxServer, NewXxxHandler), else of
//     the service it lies in, else of the service one of its path segments
//     is named like. Version segments are dropped (api/orders/v1 is
//     api/orders), and inside a service the api/, proto/ or pb/ directory
//     holding it is declared.
//   - gRPC service names: the ServiceName of the grpc.ServiceDesc that the
//     RegisterXxxServer a service calls registers; for Twirp's NewXxxServer
//     the name in the XxxPathPrefix constant, for Connect's NewXxxHandler
//     the XxxName constant (the names their clients call).
//   - Public packages: a package of a service named like a public API
//     (spec, contract(s), client(s), sdk, public, or below its pkg/) that
//     another service imports is a contract of it too.
//   - Test harnesses: a directory outside every service named like test
//     support (apitest, testkit, e2e, ...) that imports a service's code
//     starts it in-process: wiring, not shared code.
//   - Shared code: directories outside every service that two or more
//     services import, or one does when a path segment is a conventional
//     name for shared code (pkg, common, shared, lib, libs, util, utils,
//     platform), widened to the directory that holds them up to a module
//     root, a service or a main package.
//   - Hosts, from docker-compose and Kubernetes files (package deploy):
//     the names and name:port of the workloads that run a service's code
//     (by build context or Dockerfile directory, else by workload,
//     container or image name). A host of two services is left out.
//   - Services in other languages: a workload whose code is no Go
//     service's, and whose build directory (else the one directory named
//     like it) holds another language's project file (package.json,
//     pom.xml, pyproject.toml, Cargo.toml, *.csproj, ...) and no Go code,
//     is a service owning that directory, so that calls from Go reach it
//     by its hosts and env keys.
//   - Env keys: a key that other services' workloads set to one of a
//     service's hosts carries that service's address.
//   - Databases: workloads of a database image (postgres, mysql, mariadb,
//     mongo, redis, valkey, clickhouse, mssql, memcached, ...). A database
//     belongs to the one service whose workloads' env values or config
//     files name its host (or, when none does, the service its name starts
//     with: orders-db); a database several services use is given to none,
//     and said so in a comment, so that couplingvet's shareddb check
//     reports the sharing and the team picks the owner.
//
// What init saw but could not place (a stub two services register, a host
// two workloads share) is listed in a comment at the top of the map.
package mapinit
