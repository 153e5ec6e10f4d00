package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"time"
)

// -deps heavy: the tree requires real modules, as a real service monorepo
// does, instead of the offline gRPC stand-in: gRPC and protobuf (the
// contracts are protoc-gen-go and protoc-gen-go-grpc output, protobuf.go),
// go-zero (each service's config is go-zero's conf, its main serves its API
// with zrpc), the Kubernetes client, the AWS SDK (S3, SQS), OpenTelemetry
// (API and SDK), and pgx, go-sql-driver/mysql and go-redis. Their import
// closure is about 1,000 packages outside the standard library, which is
// what type-checking and compiling dependencies costs in a real repository.
//
// The plan (packages, imports, planted coupling) is the same in both modes
// for a seed: the heavy code is in files of their own (infra_*.go) that a
// separate random source assigns, and in each service's main and config.

const (
	depsStandin = "standin"
	depsHeavy   = "heavy"
)

// heavyRequires are the modules the generated code imports, at versions the
// module proxy serves and that resolve together (go mod tidy adds the rest
// of the graph, about 130 modules, and go.sum).
var heavyRequires = []string{
	"github.com/aws/aws-sdk-go-v2 v1.48.0",
	"github.com/aws/aws-sdk-go-v2/config v1.33.18",
	"github.com/aws/aws-sdk-go-v2/service/s3 v1.114.10",
	"github.com/aws/aws-sdk-go-v2/service/sqs v1.53.0",
	"github.com/go-sql-driver/mysql v1.10.1",
	"github.com/jackc/pgx/v5 v5.12.0",
	"github.com/redis/go-redis/v9 v9.23.0",
	"github.com/zeromicro/go-zero v1.10.3",
	"go.opentelemetry.io/otel v1.47.0",
	"go.opentelemetry.io/otel/metric v1.47.0",
	"go.opentelemetry.io/otel/sdk v1.47.0",
	"go.opentelemetry.io/otel/trace v1.47.0",
	"google.golang.org/grpc v1.85.0",
	"google.golang.org/protobuf v1.36.12",
	"k8s.io/api v0.37.2",
	"k8s.io/apimachinery v0.37.2",
	"k8s.io/client-go v0.37.2",
}

// heavyGoMod is the tree's go.mod before go mod tidy completes it.
func heavyGoMod() string {
	var b strings.Builder
	b.WriteString("module " + modulePath + "\n\ngo 1.26\n\nrequire (\n")
	for _, r := range heavyRequires {
		b.WriteString("\t" + r + "\n")
	}
	b.WriteString(")\n")
	return b.String()
}

// A heavy file kind is a file that uses one of the real dependencies the
// way service code does. {{P}} is the package name, {{svc}} the owning
// service ("shared" for pkg/), {{path}} the package's import path; a ´
// stands for a backquote. Its identifiers start with the kind's prefix, so
// that any two kinds can share a package.
type heavyKind struct {
	name   string // file infra_<name>.go
	shared bool   // also used by shared packages
	text   string
}

var heavyKinds = []heavyKind{
	{"pg", true, pgTemplate},
	{"redis", true, redisTemplate},
	{"mysql", false, mysqlTemplate},
	{"s3", false, s3Template},
	{"sqs", false, sqsTemplate},
	{"k8s", false, k8sTemplate},
	{"otel", true, otelTemplate},
	{"zero", true, zeroTemplate},
	{"grpc", true, grpcMiddlewareTemplate},
}

func heavyFile(k int) string { return "infra_" + heavyKinds[k].name + ".go" }

// Shares of packages with heavy files, beyond the first len(heavyKinds)
// private packages of each service, which get one kind each, so that every
// service uses every heavy dependency.
const (
	heavyPrivateShare = 0.3
	heavySharedShare  = 0.35
	heavySecondShare  = 0.15
)

// planHeavy assigns heavy files to the private and shared packages. It
// draws from its own random source, so the rest of the plan is the same as
// with the stand-in.
func (t *tree) planHeavy() {
	rng := rand.New(rand.NewPCG(t.seed^0x5bd1e9955bd1e995, t.seed+0x27d4eb2f165667c5))
	n := len(heavyKinds)
	var sharedKinds []int
	for k, hk := range heavyKinds {
		if hk.shared {
			sharedKinds = append(sharedKinds, k)
		}
	}
	second := func(p *pkg, from []int) {
		if rng.Float64() < heavySecondShare {
			if k := from[rng.IntN(len(from))]; k != p.heavy[0] {
				p.heavy = append(p.heavy, k)
			}
		}
	}
	all := make([]int, n)
	for k := range all {
		all[k] = k
	}
	for s, ps := range t.private {
		for i, p := range ps {
			switch {
			case i < n:
				p.heavy = []int{(i + s) % n}
			case rng.Float64() < heavyPrivateShare:
				p.heavy = []int{rng.IntN(n)}
			default:
				continue
			}
			second(p, all)
		}
	}
	for _, p := range t.pkgs {
		if p.role != roleShared || rng.Float64() >= heavySharedShare {
			continue
		}
		p.heavy = []int{sharedKinds[rng.IntN(len(sharedKinds))]}
		second(p, sharedKinds)
	}
}

// renderHeavy fills a heavy template for package p.
func (t *tree) renderHeavy(k int, p *pkg) string {
	svc := "shared"
	if p.svc >= 0 {
		svc = t.services[p.svc]
	}
	return strings.NewReplacer(
		"{{P}}", p.name,
		"{{svc}}", svc,
		"{{path}}", p.path,
		"´", "`",
	).Replace(heavyKinds[k].text)
}

// resolveModules completes the heavy tree's go.mod and writes its go.sum:
// go mod download fetches the required modules, go mod tidy the rest of the
// graph. Both need the module proxy (GOPROXY), or a module cache that
// already holds every module; after them the tree builds with GOPROXY=off.
func resolveModules(dir string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	proxy := "GOPROXY unset"
	if out, err := exec.Command("go", "env", "GOPROXY").Output(); err == nil {
		proxy = "GOPROXY=" + strings.TrimSpace(string(out))
	}
	for _, args := range [][]string{{"mod", "download"}, {"mod", "tidy"}} {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = dir
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			if ctx.Err() != nil {
				err = fmt.Errorf("timed out after %v", timeout)
			}
			return fmt.Errorf("-deps heavy: go %s failed (%s): %v\n%s\n"+
				"-deps heavy fetches real modules: it needs the Go module proxy (GOPROXY, not off) or a module cache that holds them already",
				strings.Join(args, " "), proxy, err, tail(out.String(), 20))
		}
	}
	return nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

const pgTemplate = `package {{P}}

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PgRow is one row of the {{P}} table, as pgx scans it by column name.
type PgRow struct {
	ID      int64     ´db:"id"´
	Name    string    ´db:"name"´
	Status  string    ´db:"status"´
	Created time.Time ´db:"created"´
}

// ErrPgConflict is returned when a row with the same name exists.
var ErrPgConflict = errors.New("{{P}}: row exists")

// PgRepo reads and writes {{P}} rows through a pgx connection pool.
type PgRepo struct {
	pool *pgxpool.Pool
}

// NewPgRepo returns a repository on an open pool (the service's own
// database, which its main opens).
func NewPgRepo(pool *pgxpool.Pool) *PgRepo { return &PgRepo{pool: pool} }

// Get returns one row by ID.
func (r *PgRepo) Get(ctx context.Context, id int64) (PgRow, error) {
	rows, err := r.pool.Query(ctx, "SELECT id, name, status, created FROM {{P}}_rows WHERE id = $1", id)
	if err != nil {
		return PgRow{}, err
	}
	row, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[PgRow])
	if errors.Is(err, pgx.ErrNoRows) {
		return PgRow{}, fmt.Errorf("{{P}}: row %d not found", id)
	}
	return row, err
}

// List returns the rows with a status, newest first.
func (r *PgRepo) List(ctx context.Context, status string, limit int) ([]PgRow, error) {
	rows, err := r.pool.Query(ctx,
		"SELECT id, name, status, created FROM {{P}}_rows WHERE status = @status ORDER BY created DESC LIMIT @limit",
		pgx.NamedArgs{"status": status, "limit": limit})
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[PgRow])
}

// Insert writes rows in one transaction, as one batch.
func (r *PgRepo) Insert(ctx context.Context, rows []PgRow) error {
	return pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		batch := &pgx.Batch{}
		for _, row := range rows {
			batch.Queue("INSERT INTO {{P}}_rows (id, name, status, created) VALUES ($1, $2, $3, $4)",
				row.ID, row.Name, row.Status, row.Created)
		}
		err := tx.SendBatch(ctx, batch).Close()
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" {
			return fmt.Errorf("%w: %s", ErrPgConflict, pgErr.Detail)
		}
		return err
	})
}

// Purge deletes rows created before the cutoff and says how many went.
func (r *PgRepo) Purge(ctx context.Context, before time.Time) (int64, error) {
	tag, err := r.pool.Exec(ctx, "DELETE FROM {{P}}_rows WHERE created < $1", before)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

// PgStats reports the pool's connections, for the service's metrics.
func (r *PgRepo) PgStats() (total, idle int32, waited time.Duration) {
	s := r.pool.Stat()
	return s.TotalConns(), s.IdleConns(), s.EmptyAcquireWaitTime()
}
`

const redisTemplate = `package {{P}}

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisCache keeps JSON values in Redis under the {{svc}}:{{P}}: prefix.
type RedisCache struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration
}

// NewRedisCache connects to the Redis at addr (the service's own cache).
func NewRedisCache(addr, password string, db int, ttl time.Duration) *RedisCache {
	rdb := redis.NewClient(&redis.Options{
		Addr:         addr,
		Password:     password,
		DB:           db,
		DialTimeout:  2 * time.Second,
		ReadTimeout:  500 * time.Millisecond,
		WriteTimeout: 500 * time.Millisecond,
		PoolSize:     16,
	})
	return &RedisCache{rdb: rdb, prefix: "{{svc}}:{{P}}:", ttl: ttl}
}

// Get decodes the value under key into v and says whether there was one.
func (c *RedisCache) Get(ctx context.Context, key string, v any) (bool, error) {
	data, err := c.rdb.Get(ctx, c.prefix+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("{{P}}: cache get %s: %w", key, err)
	}
	return true, json.Unmarshal(data, v)
}

// Set stores v under key for the cache's TTL.
func (c *RedisCache) Set(ctx context.Context, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.rdb.Set(ctx, c.prefix+key, data, c.ttl).Err()
}

// Count increments the counters of keys in one round trip and returns
// their new values.
func (c *RedisCache) Count(ctx context.Context, keys ...string) (map[string]int64, error) {
	cmds := make(map[string]*redis.IntCmd, len(keys))
	_, err := c.rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		for _, k := range keys {
			cmds[k] = pipe.Incr(ctx, c.prefix+"count:"+k)
			pipe.Expire(ctx, c.prefix+"count:"+k, 24*time.Hour)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(cmds))
	for k, cmd := range cmds {
		out[k] = cmd.Val()
	}
	return out, nil
}

// Lock takes a short lock on name and returns its release.
func (c *RedisCache) Lock(ctx context.Context, name string, ttl time.Duration) (func(), error) {
	ok, err := c.rdb.SetNX(ctx, c.prefix+"lock:"+name, 1, ttl).Result()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("{{P}}: %s is locked", name)
	}
	return func() { c.rdb.Del(context.WithoutCancel(ctx), c.prefix+"lock:"+name) }, nil
}

// Close closes the client's connections.
func (c *RedisCache) Close() error { return c.rdb.Close() }
`

const mysqlTemplate = `package {{P}}

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/go-sql-driver/mysql"
)

// MysqlRepo reads the legacy {{P}} tables, which live in MySQL.
type MysqlRepo struct {
	db *sql.DB
}

// NewMysqlRepo connects to the MySQL at addr with the given credentials.
func NewMysqlRepo(addr, user, password, database string) (*MysqlRepo, error) {
	cfg := mysql.NewConfig()
	cfg.Net = "tcp"
	cfg.Addr = addr
	cfg.User = user
	cfg.Passwd = password
	cfg.DBName = database
	cfg.ParseTime = true
	cfg.Timeout = 3 * time.Second
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, fmt.Errorf("{{P}}: %w", err)
	}
	db := sql.OpenDB(connector)
	db.SetConnMaxLifetime(3 * time.Minute)
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(10)
	return &MysqlRepo{db: db}, nil
}

// MysqlDuplicate reports whether err is MySQL's duplicate-key error.
func MysqlDuplicate(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && me.Number == 1062
}

// Rename sets the name of one legacy record.
func (r *MysqlRepo) Rename(ctx context.Context, id int64, name string) error {
	res, err := r.db.ExecContext(ctx, "UPDATE {{P}}_legacy SET name = ? WHERE id = ?", name, id)
	if MysqlDuplicate(err) {
		return fmt.Errorf("{{P}}: name %q is taken", name)
	}
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("{{P}}: no record %d", id)
	}
	return nil
}

// Names returns the legacy records' names by ID.
func (r *MysqlRepo) Names(ctx context.Context, since time.Time) (map[int64]string, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT id, name FROM {{P}}_legacy WHERE updated_at >= ?", since)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]string)
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}
`

const s3Template = `package {{P}}

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// BlobStore keeps the {{P}} exports in an S3 bucket.
type BlobStore struct {
	client *s3.Client
	bucket string
}

// NewBlobStore loads the AWS configuration (environment, shared files,
// instance role) and returns a store on bucket.
func NewBlobStore(ctx context.Context, region, bucket string) (*BlobStore, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("{{P}}: loading the AWS configuration: %w", err)
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.UsePathStyle = true
	})
	return &BlobStore{client: client, bucket: bucket}, nil
}

// Put stores data under key.
func (b *BlobStore) Put(ctx context.Context, key string, data []byte) error {
	_, err := b.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:      aws.String(b.bucket),
		Key:         aws.String(key),
		Body:        bytes.NewReader(data),
		ContentType: aws.String("application/json"),
		Metadata:    map[string]string{"service": "{{svc}}"},
	})
	return err
}

// Get returns the data under key, or nil when there is none.
func (b *BlobStore) Get(ctx context.Context, key string) ([]byte, error) {
	out, err := b.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(b.bucket), Key: aws.String(key)})
	var missing *s3types.NoSuchKey
	if errors.As(err, &missing) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	return io.ReadAll(out.Body)
}

// Keys lists the keys under prefix, page by page.
func (b *BlobStore) Keys(ctx context.Context, prefix string) ([]string, error) {
	var keys []string
	pages := s3.NewListObjectsV2Paginator(b.client, &s3.ListObjectsV2Input{
		Bucket: aws.String(b.bucket),
		Prefix: aws.String(prefix),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return keys, err
		}
		for _, obj := range page.Contents {
			keys = append(keys, aws.ToString(obj.Key))
		}
	}
	return keys, nil
}
`

const sqsTemplate = `package {{P}}

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// EventQueue publishes and consumes the {{P}} events on an SQS queue: the
// asynchronous way for services to hear of each other's changes.
type EventQueue struct {
	client *sqs.Client
	url    string
}

// NewEventQueue returns a queue client for queueURL.
func NewEventQueue(ctx context.Context, region, queueURL string) (*EventQueue, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(region))
	if err != nil {
		return nil, fmt.Errorf("{{P}}: loading the AWS configuration: %w", err)
	}
	return &EventQueue{client: sqs.NewFromConfig(cfg), url: queueURL}, nil
}

// Publish sends v as a JSON message.
func (q *EventQueue) Publish(ctx context.Context, kind string, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = q.client.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl:    aws.String(q.url),
		MessageBody: aws.String(string(body)),
		MessageAttributes: map[string]sqstypes.MessageAttributeValue{
			"kind":   {DataType: aws.String("String"), StringValue: aws.String(kind)},
			"source": {DataType: aws.String("String"), StringValue: aws.String("{{svc}}")},
		},
	})
	return err
}

// Poll receives up to ten messages, hands each to handle and deletes the
// ones it accepted. It returns how many were handled.
func (q *EventQueue) Poll(ctx context.Context, handle func(context.Context, []byte) error) (int, error) {
	out, err := q.client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
		QueueUrl:            aws.String(q.url),
		MaxNumberOfMessages: 10,
		WaitTimeSeconds:     20,
	})
	if err != nil {
		return 0, err
	}
	handled := 0
	for _, m := range out.Messages {
		if err := handle(ctx, []byte(aws.ToString(m.Body))); err != nil {
			continue // redelivered after the visibility timeout
		}
		if _, err := q.client.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(q.url), ReceiptHandle: m.ReceiptHandle}); err != nil {
			return handled, err
		}
		handled++
	}
	return handled, nil
}
`

const k8sTemplate = `package {{P}}

import (
	"context"
	"fmt"
	"sort"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// PodLister finds the ready pods of a workload, for the service's
// peer-aware work (sharding, cache warm-up).
type PodLister struct {
	client    kubernetes.Interface
	namespace string
	selector  string
}

// NewPodLister uses the pod's service account (in-cluster configuration).
func NewPodLister(namespace string, match map[string]string) (*PodLister, error) {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		return nil, fmt.Errorf("{{P}}: not in a cluster: %w", err)
	}
	cfg.QPS, cfg.Burst = 20, 40
	cfg.UserAgent = "{{svc}}/{{P}}"
	clientset, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &PodLister{client: clientset, namespace: namespace, selector: labels.SelectorFromSet(match).String()}, nil
}

// Ready returns the IPs of the ready, running pods, sorted.
func (l *PodLister) Ready(ctx context.Context) ([]string, error) {
	pods, err := l.client.CoreV1().Pods(l.namespace).List(ctx, metav1.ListOptions{LabelSelector: l.selector})
	if err != nil {
		return nil, err
	}
	var ips []string
	for _, pod := range pods.Items {
		if pod.Status.Phase == corev1.PodRunning && podReady(&pod) {
			ips = append(ips, pod.Status.PodIP)
		}
	}
	sort.Strings(ips)
	return ips, nil
}

func podReady(pod *corev1.Pod) bool {
	for _, c := range pod.Status.Conditions {
		if c.Type == corev1.PodReady {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// Watch calls fn with each change of the workload's pods until ctx ends.
func (l *PodLister) Watch(ctx context.Context, fn func(*corev1.Pod)) error {
	w, err := l.client.CoreV1().Pods(l.namespace).Watch(ctx, metav1.ListOptions{LabelSelector: l.selector})
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() {
		if pod, ok := ev.Object.(*corev1.Pod); ok {
			fn(pod)
		}
	}
	return ctx.Err()
}
`

const otelTemplate = `package {{P}}

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/trace"
)

var (
	otelTracer = otel.Tracer("{{path}}")
	otelMeter  = otel.Meter("{{path}}")
)

// Traced runs fn in a span named after the operation, records its error
// and its duration.
func Traced(ctx context.Context, op string, fn func(context.Context) error, attrs ...attribute.KeyValue) error {
	ctx, span := otelTracer.Start(ctx, "{{P}}."+op, trace.WithSpanKind(trace.SpanKindInternal), trace.WithAttributes(attrs...))
	defer span.End()
	start := time.Now()
	err := fn(ctx)
	if h, herr := otelMeter.Float64Histogram("{{P}}.duration", metric.WithUnit("s")); herr == nil {
		h.Record(ctx, time.Since(start).Seconds(), metric.WithAttributes(attribute.String("op", op), attribute.Bool("error", err != nil)))
	}
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	span.SetStatus(codes.Ok, "")
	return nil
}

// TraceEach runs fn on each item in one span, with an event per item.
func TraceEach(ctx context.Context, op string, items []string, fn func(context.Context, string) error) (failed int) {
	ctx, span := otelTracer.Start(ctx, "{{P}}."+op, trace.WithAttributes(attribute.Int("items", len(items))))
	defer span.End()
	for i, item := range items {
		if err := fn(ctx, item); err != nil {
			failed++
			span.AddEvent("failed", trace.WithAttributes(attribute.Int("index", i), attribute.String("error", err.Error())))
		}
	}
	span.SetAttributes(attribute.Int("failed", failed))
	return failed
}

// TraceIDs returns the trace and span IDs of ctx, for log lines.
func TraceIDs(ctx context.Context) (traceID, spanID string) {
	sc := trace.SpanContextFromContext(ctx)
	if !sc.IsValid() {
		return "", ""
	}
	return sc.TraceID().String(), sc.SpanID().String()
}
`

const zeroTemplate = `package {{P}}

import (
	"context"
	"errors"
	"time"

	"github.com/zeromicro/go-zero/core/breaker"
	"github.com/zeromicro/go-zero/core/collection"
	"github.com/zeromicro/go-zero/core/logx"
	"github.com/zeromicro/go-zero/core/mr"
)

// ZeroItem is what ZeroLoadAll loads.
type ZeroItem struct {
	ID    string
	Value []byte
}

// ErrZeroEmpty is returned for an ID that loads nothing.
var ErrZeroEmpty = errors.New("{{P}}: empty item")

var zeroCache, _ = collection.NewCache(time.Minute, collection.WithLimit(10000), collection.WithName("{{svc}}-{{P}}"))

// ZeroLoadAll loads the items concurrently (go-zero's MapReduce), through a
// circuit breaker and an in-process cache, and logs what failed.
func ZeroLoadAll(ctx context.Context, ids []string, load func(context.Context, string) ([]byte, error)) ([]ZeroItem, error) {
	return mr.MapReduce(func(source chan<- string) {
		for _, id := range ids {
			source <- id
		}
	}, func(id string, writer mr.Writer[ZeroItem], cancel func(error)) {
		if v, ok := zeroCache.Get(id); ok {
			writer.Write(ZeroItem{ID: id, Value: v.([]byte)})
			return
		}
		var value []byte
		err := breaker.DoWithAcceptableCtx(ctx, "{{svc}}.{{P}}.load", func() error {
			var err error
			value, err = load(ctx, id)
			return err
		}, func(err error) bool { return err == nil || errors.Is(err, ErrZeroEmpty) })
		if err != nil {
			logx.WithContext(ctx).Errorw("load failed", logx.Field("id", id), logx.Field("error", err.Error()))
			return
		}
		zeroCache.Set(id, value)
		writer.Write(ZeroItem{ID: id, Value: value})
	}, func(pipe <-chan ZeroItem, writer mr.Writer[[]ZeroItem], cancel func(error)) {
		var items []ZeroItem
		for item := range pipe {
			items = append(items, item)
		}
		writer.Write(items)
	}, mr.WithContext(ctx), mr.WithWorkers(8))
}

// ZeroLogSlow logs calls slower than limit.
func ZeroLogSlow(ctx context.Context, name string, limit time.Duration, fn func() error) error {
	start := time.Now()
	err := fn()
	if d := time.Since(start); d > limit {
		logx.WithContext(ctx).WithDuration(d).Slowf("{{P}}: %s took %v", name, d)
	}
	return err
}
`

const grpcMiddlewareTemplate = `package {{P}}

import (
	"context"
	"strings"
	"time"

	"github.com/zeromicro/go-zero/core/logx"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/peer"
	"google.golang.org/grpc/status"
)

// GrpcTenantKey is the metadata key that carries the caller's tenant.
const GrpcTenantKey = "x-tenant-id"

type grpcTenantCtxKey struct{}

// GrpcTenant returns the tenant GrpcUnaryTenant put in ctx.
func GrpcTenant(ctx context.Context) string {
	t, _ := ctx.Value(grpcTenantCtxKey{}).(string)
	return t
}

// GrpcUnaryTenant is a server interceptor that requires a tenant in the
// incoming metadata, puts it in the context and the span, and logs slow
// calls.
func GrpcUnaryTenant(slow time.Duration) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		tenants := md.Get(GrpcTenantKey)
		if len(tenants) == 0 || strings.TrimSpace(tenants[0]) == "" {
			return nil, status.Errorf(codes.Unauthenticated, "{{P}}: %s: no tenant", info.FullMethod)
		}
		trace.SpanFromContext(ctx).SetAttributes(attribute.String("tenant", tenants[0]))
		start := time.Now()
		resp, err := handler(context.WithValue(ctx, grpcTenantCtxKey{}, tenants[0]), req)
		if d := time.Since(start); d > slow {
			addr := "unknown"
			if p, ok := peer.FromContext(ctx); ok {
				addr = p.Addr.String()
			}
			logx.WithContext(ctx).Slowf("{{P}}: %s from %s took %v (%s)", info.FullMethod, addr, d, status.Code(err))
		}
		return resp, err
	}
}

// GrpcOutgoingTenant returns ctx with the tenant in the outgoing metadata.
func GrpcOutgoingTenant(ctx context.Context, tenant string) context.Context {
	return metadata.AppendToOutgoingContext(ctx, GrpcTenantKey, tenant)
}
`

// mainFileHeavy is a service's command with -deps heavy: go-zero loads its
// config and serves its gRPC API (zrpc), pgx opens its own database, and
// OpenTelemetry's SDK traces it. Like the stand-in main, it opens only its
// own database, from its env or its config file, and announces its start to
// a partner host no service owns.
func (w *writer) mainFileHeavy(p *pkg) string {
	svc := w.tree.services[p.svc]
	S := exported(svc)
	var s src
	s.add("// Command %sd runs the %s service.", svc, svc)
	s.add("package main")
	s.add("")
	std := []string{"context", "errors", "flag", "fmt", "net/http", "os", "os/signal", "strings", "time"}
	extra := []string{
		"github.com/jackc/pgx/v5/pgxpool",
		"github.com/jackc/pgx/v5/stdlib",
		"github.com/zeromicro/go-zero/core/logx",
		"github.com/zeromicro/go-zero/core/service",
		"github.com/zeromicro/go-zero/zrpc",
		"go.opentelemetry.io/otel",
		"go.opentelemetry.io/otel/propagation",
		"go.opentelemetry.io/otel/sdk/resource",
		"sdktrace go.opentelemetry.io/otel/sdk/trace",
		"semconv go.opentelemetry.io/otel/semconv/v1.43.0",
		"google.golang.org/grpc",
		"google.golang.org/grpc/reflection",
	}
	specs := w.imports(&s, std, append([]*pkg{w.tree.contract(p.svc), w.tree.configs[p.svc]}, p.deps...), extra...)
	var api, conf string
	for _, sp := range specs {
		switch sp.pkg.role {
		case roleContract:
			api = sp.local
		case roleConfig:
			conf = sp.local
		}
	}
	s.add(`
type server struct {
	%[1]s.Unimplemented%[2]sServiceServer
	pool *pgxpool.Pool
}

var configFile = flag.String("f", "etc/%[4]s.yaml", "the config file")

func main() {
	flag.Parse()
	c, err := %[5]s.Load(*configFile)
	logx.Must(err)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	dsn := os.Getenv(%[3]q)
	if dsn == "" {
		dsn = c.Database.DataSource
	}
	poolConfig, err := pgxpool.ParseConfig(dsn)
	logx.Must(err)
	poolConfig.MaxConns = int32(c.Database.MaxOpenConns)
	pool, err := pgxpool.NewWithConfig(ctx, poolConfig)
	logx.Must(err)
	defer pool.Close()
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()

	tp := sdktrace.NewTracerProvider(
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(0.1))),
		sdktrace.WithResource(resource.NewWithAttributes(semconv.SchemaURL, semconv.ServiceName(%[4]q))),
	)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	defer func() { _ = tp.Shutdown(context.Background()) }()

	if hook := os.Getenv("PARTNER_WEBHOOK_URL"); hook != "" {
		// Announce the start to the partner (a host no service owns).
		resp, err := http.Post(hook, "application/json", strings.NewReader("{\"event\":\"started\",\"service\":\"%[4]s\"}"))
		if err == nil {
			resp.Body.Close()
		}
	}
	rpc := zrpc.MustNewServer(c.RpcServerConf, func(g *grpc.Server) {
		%[1]s.Register%[2]sServiceServer(g, &server{pool: pool})
		if c.Mode == service.DevMode || c.Mode == service.TestMode {
			reflection.Register(g)
		}
	})`, api, S, databaseEnv(svc), svc, conf)
	addHTTPMux(&s, specs)
	s.add(`	go func() {
		<-ctx.Done()
		rpc.Stop()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	go rpc.Start()
	logx.Infof("%[1]sd: serving gRPC on %%s", c.ListenOn)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logx.Error(err)
	}
}`, svc)
	return s.String()
}

// configFileHeavy is a service's internal/config package with -deps heavy:
// the struct go-zero's conf fills from etc/<svc>.yaml (keys match field
// names and json tags, ignoring case), embedding zrpc's server config.
func (t *tree) configFileHeavy(s int) string {
	svc := t.services[s]
	var b strings.Builder
	fmt.Fprintf(&b, `// Package config is the %[1]s service's configuration, read from
// etc/%[1]s.yaml at start-up with go-zero's conf (generated for
// couplingvet's benchmarks).
package config

import (
	"fmt"
	"time"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/zrpc"
)

// Config is what etc/%[1]s.yaml holds: the RPC server's settings (name,
// listenOn, timeout, log, etcd) and the service's own.
type Config struct {
	zrpc.RpcServerConf
	Database  Database  ´json:"database"´
	Reporting Reporting ´json:"reporting,optional"´
	Partner   Upstream  ´json:"partner"´
	Upstreams Upstreams ´json:"upstreams,optional"´
}

// Database is the service's own database.
type Database struct {
	DataSource   string ´json:"dataSource"´
	MaxOpenConns int    ´json:"maxOpenConns,default=16"´
}

// Reporting is the database the service's reports read.
type Reporting struct {
	DataSource string ´json:"dataSource,optional"´
}

// Upstream is a service or partner this service calls.
type Upstream struct {
	Endpoint string        ´json:"endpoint"´
	Timeout  time.Duration ´json:"timeout,default=2s"´
}

// Upstreams are the services this one calls.
type Upstreams struct {
`, svc)
	for _, to := range t.called(s) {
		fmt.Fprintf(&b, "\t%s Upstream ´json:\"%s\"´\n", exported(to), to)
	}
	b.WriteString(`}

// Load reads the config file at path.
func Load(path string) (*Config, error) {
	var c Config
	if err := conf.Load(path, &c); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &c, nil
}
`)
	return strings.ReplaceAll(b.String(), "´", "`")
}
