package main

import "strings"

// Clean code: realistic bodies (structs, loops, error handling, goroutines,
// database/sql, net/http, encoding/json) so that type-checking and analysing
// a generated package costs what a real one does. Each template is one file;
// {{T}} and {{t}} are per-file prefixes that keep identifiers unique within
// a package, {{P}} is the package name. A ´ stands for a backquote.

type fileKind struct {
	name string // file name stem and type prefix, e.g. "model"
	text string
}

var fileKinds = []fileKind{
	{"model", modelTemplate},
	{"handler", handlerTemplate},
	{"store", storeTemplate},
	{"worker", workerTemplate},
	{"transform", transformTemplate},
	{"cache", cacheTemplate},
}

// render fills a template's placeholders.
func render(text, pkgName, typ string) string {
	return strings.NewReplacer(
		"{{P}}", pkgName,
		"{{T}}", typ,
		"{{t}}", strings.ToLower(typ[:1])+typ[1:],
		"´", "`",
	).Replace(text)
}

const modelTemplate = `package {{P}}

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// {{T}} is one record of this package as it is stored and sent over the wire.
type {{T}} struct {
	ID        string            ´json:"id"´
	Owner     string            ´json:"owner"´
	Amount    int64             ´json:"amount"´
	Currency  string            ´json:"currency"´
	Tags      []string          ´json:"tags,omitempty"´
	Labels    map[string]string ´json:"labels,omitempty"´
	CreatedAt time.Time         ´json:"created_at"´
	UpdatedAt time.Time         ´json:"updated_at"´
}

// Err{{T}}Invalid is returned by Validate for records that cannot be stored.
var Err{{T}}Invalid = errors.New("{{P}}: invalid {{t}}")

// Validate checks the fields a record needs before it is stored.
func (r *{{T}}) Validate() error {
	if strings.TrimSpace(r.ID) == "" {
		return fmt.Errorf("%w: empty id", Err{{T}}Invalid)
	}
	if r.Amount < 0 {
		return fmt.Errorf("%w: negative amount %d", Err{{T}}Invalid, r.Amount)
	}
	if len(r.Currency) != 3 {
		return fmt.Errorf("%w: currency %q is not an ISO code", Err{{T}}Invalid, r.Currency)
	}
	for i, tag := range r.Tags {
		if tag == "" {
			return fmt.Errorf("%w: tag %d is empty", Err{{T}}Invalid, i)
		}
	}
	if r.UpdatedAt.Before(r.CreatedAt) {
		return fmt.Errorf("%w: updated before created", Err{{T}}Invalid)
	}
	return nil
}

// Normalize trims and sorts the free-form fields so that equal records
// compare equal.
func (r *{{T}}) Normalize() {
	r.ID = strings.TrimSpace(r.ID)
	r.Owner = strings.ToLower(strings.TrimSpace(r.Owner))
	r.Currency = strings.ToUpper(r.Currency)
	sort.Strings(r.Tags)
	var out []string
	for _, tag := range r.Tags {
		if len(out) > 0 && out[len(out)-1] == tag {
			continue
		}
		out = append(out, tag)
	}
	r.Tags = out
}

// Label returns the value of a label, or fallback when it is unset.
func (r *{{T}}) Label(key, fallback string) string {
	if v, ok := r.Labels[key]; ok && v != "" {
		return v
	}
	return fallback
}

// Encode{{T}} returns the JSON form of records, sorted by ID.
func Encode{{T}}(records []{{T}}) ([]byte, error) {
	sorted := make([]{{T}}, len(records))
	copy(sorted, records)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	return json.Marshal(sorted)
}

// Decode{{T}} parses records and validates each one.
func Decode{{T}}(data []byte) ([]{{T}}, error) {
	var records []{{T}}
	if err := json.Unmarshal(data, &records); err != nil {
		return nil, fmt.Errorf("{{P}}: decoding: %w", err)
	}
	for i := range records {
		records[i].Normalize()
		if err := records[i].Validate(); err != nil {
			return nil, fmt.Errorf("record %d: %w", i, err)
		}
	}
	return records, nil
}

// Total{{T}} sums the amounts of records per currency.
func Total{{T}}(records []{{T}}) map[string]int64 {
	totals := make(map[string]int64)
	for _, r := range records {
		totals[r.Currency] += r.Amount
	}
	return totals
}
`

const handlerTemplate = `package {{P}}

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// {{T}}Item is what a {{T}} serves.
type {{T}}Item struct {
	Key     string    ´json:"key"´
	Value   string    ´json:"value"´
	Version int       ´json:"version"´
	Seen    time.Time ´json:"seen"´
}

// {{T}} serves items from memory over HTTP.
type {{T}} struct {
	mu      sync.RWMutex
	items   map[string]{{T}}Item
	timeout time.Duration
	logger  *log.Logger
}

// New{{T}} returns an empty handler.
func New{{T}}(timeout time.Duration, logger *log.Logger) *{{T}} {
	if logger == nil {
		logger = log.Default()
	}
	return &{{T}}{items: make(map[string]{{T}}Item), timeout: timeout, logger: logger}
}

// ServeHTTP routes GET, PUT and DELETE on /items/{key}.
func (h *{{T}}) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	key := strings.TrimPrefix(r.URL.Path, "/items/")
	if key == "" || strings.Contains(key, "/") {
		http.Error(w, "bad key", http.StatusBadRequest)
		return
	}
	switch r.Method {
	case http.MethodGet:
		h.get(ctx, w, r, key)
	case http.MethodPut:
		h.put(ctx, w, r, key)
	case http.MethodDelete:
		h.mu.Lock()
		delete(h.items, key)
		h.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Allow", "GET, PUT, DELETE")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func (h *{{T}}) get(ctx context.Context, w http.ResponseWriter, r *http.Request, key string) {
	h.mu.RLock()
	item, ok := h.items[key]
	h.mu.RUnlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if err := ctx.Err(); err != nil {
		http.Error(w, err.Error(), http.StatusGatewayTimeout)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("ETag", strconv.Itoa(item.Version))
	if err := json.NewEncoder(w).Encode(item); err != nil {
		h.logger.Printf("{{P}}: encoding %s: %v", key, err)
	}
}

func (h *{{T}}) put(ctx context.Context, w http.ResponseWriter, r *http.Request, key string) {
	var item {{T}}Item
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&item); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if ctx.Err() != nil {
		http.Error(w, "timeout", http.StatusGatewayTimeout)
		return
	}
	h.mu.Lock()
	prev := h.items[key]
	item.Key = key
	item.Version = prev.Version + 1
	item.Seen = time.Now()
	h.items[key] = item
	h.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// Keys returns the stored keys in no particular order.
func (h *{{T}}) Keys() []string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	keys := make([]string, 0, len(h.items))
	for k := range h.items {
		keys = append(keys, k)
	}
	return keys
}
`

const storeTemplate = `package {{P}}

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// {{T}}Row is one row of the {{t}} table.
type {{T}}Row struct {
	ID      int64
	Name    string
	Status  string
	Created time.Time
}

// {{T}} reads and writes {{t}} rows.
type {{T}} struct {
	db    *sql.DB
	table string
}

// New{{T}} wraps an open database.
func New{{T}}(db *sql.DB) *{{T}} { return &{{T}}{db: db, table: "{{t}}"} }

// Get returns one row by ID.
func (s *{{T}}) Get(ctx context.Context, id int64) ({{T}}Row, error) {
	var row {{T}}Row
	q := "SELECT id, name, status, created FROM " + s.table + " WHERE id = $1"
	err := s.db.QueryRowContext(ctx, q, id).Scan(&row.ID, &row.Name, &row.Status, &row.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return row, fmt.Errorf("{{P}}: row %d not found", id)
	}
	return row, err
}

// List returns rows with the given status, newest first.
func (s *{{T}}) List(ctx context.Context, status string, limit int) ([]{{T}}Row, error) {
	q := "SELECT id, name, status, created FROM " + s.table + " WHERE status = $1 ORDER BY created DESC LIMIT $2"
	rows, err := s.db.QueryContext(ctx, q, status, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []{{T}}Row
	for rows.Next() {
		var row {{T}}Row
		if err := rows.Scan(&row.ID, &row.Name, &row.Status, &row.Created); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// Upsert writes rows in one transaction.
func (s *{{T}}) Upsert(ctx context.Context, rows []{{T}}Row) (err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	q := "INSERT INTO " + s.table + " (id, name, status, created) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET name = $2, status = $3"
	stmt, err := tx.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, row := range rows {
		if _, err = stmt.ExecContext(ctx, row.ID, strings.TrimSpace(row.Name), row.Status, row.Created); err != nil {
			return fmt.Errorf("{{P}}: upserting %d: %w", row.ID, err)
		}
	}
	return tx.Commit()
}

// Purge deletes rows created before the cutoff and says how many went.
func (s *{{T}}) Purge(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM "+s.table+" WHERE created < $1", before)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// Count{{T}} counts rows per status.
func Count{{T}}(rows []{{T}}Row) map[string]int {
	counts := make(map[string]int, 4)
	for _, r := range rows {
		counts[r.Status]++
	}
	return counts
}
`

const workerTemplate = `package {{P}}

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// {{T}}Job is one unit of background work.
type {{T}}Job struct {
	ID       string
	Attempts int
	Payload  []byte
}

// {{T}} runs jobs on a fixed number of goroutines, with retries.
type {{T}} struct {
	Workers int
	Retries int
	Backoff time.Duration
	Handle  func(context.Context, {{T}}Job) error
}

// Err{{T}}Stopped is returned when the context ends a run early.
var Err{{T}}Stopped = errors.New("{{P}}: worker stopped")

// Run consumes jobs until the channel is closed or ctx is done, and returns
// the IDs of the jobs that failed.
func (w *{{T}}) Run(ctx context.Context, jobs <-chan {{T}}Job) ([]string, error) {
	if w.Workers <= 0 {
		return nil, fmt.Errorf("{{P}}: %d workers", w.Workers)
	}
	var (
		mu     sync.Mutex
		failed []string
		wg     sync.WaitGroup
	)
	for i := 0; i < w.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				if err := w.attempt(ctx, job); err != nil {
					mu.Lock()
					failed = append(failed, job.ID)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return failed, errors.Join(Err{{T}}Stopped, err)
	}
	return failed, nil
}

func (w *{{T}}) attempt(ctx context.Context, job {{T}}Job) error {
	var err error
	for try := 0; try <= w.Retries; try++ {
		job.Attempts = try + 1
		if err = w.Handle(ctx, job); err == nil {
			return nil
		}
		timer := time.NewTimer(w.Backoff * time.Duration(try+1))
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
	return fmt.Errorf("{{P}}: job %s failed after %d attempts: %w", job.ID, job.Attempts, err)
}

// Every{{T}} calls fn every interval until ctx is done and returns how many
// calls were made.
func Every{{T}}(ctx context.Context, interval time.Duration, fn func(time.Time)) int {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case t := <-ticker.C:
			fn(t)
			n++
		}
	}
}
`

const transformTemplate = `package {{P}}

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// {{T}}Field is a key=value pair parsed from a query-like string.
type {{T}}Field struct {
	Key   string
	Value string
}

// Parse{{T}} parses "a=1;b=two" into fields sorted by key.
func Parse{{T}}(s string) ([]{{T}}Field, error) {
	var fields []{{T}}Field
	for i, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("{{P}}: field %d (%q) has no '='", i, part)
		}
		fields = append(fields, {{T}}Field{Key: strings.ToLower(k), Value: v})
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].Key < fields[j].Key })
	return fields, nil
}

// Format{{T}} is the inverse of Parse{{T}}.
func Format{{T}}(fields []{{T}}Field) string {
	var b bytes.Buffer
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(f.Key)
		b.WriteByte('=')
		b.WriteString(f.Value)
	}
	return b.String()
}

// Slug{{T}} turns a title into a lower-case URL slug.
func Slug{{T}}(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Ints{{T}} parses a comma-separated list of integers.
func Ints{{T}}(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]int, 0, len(parts))
	for _, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return nil, fmt.Errorf("{{P}}: %w", err)
		}
		out = append(out, n)
	}
	return out, nil
}

// Stats{{T}} returns the minimum, maximum and mean of values.
func Stats{{T}}(values []int) (lo, hi int, mean float64) {
	if len(values) == 0 {
		return 0, 0, 0
	}
	lo, hi = values[0], values[0]
	sum := 0
	for _, v := range values {
		lo = min(lo, v)
		hi = max(hi, v)
		sum += v
	}
	return lo, hi, float64(sum) / float64(len(values))
}
`

const cacheTemplate = `package {{P}}

import (
	"container/list"
	"sync"
	"time"
)

// {{T}} is a size-bounded LRU cache whose entries expire.
type {{T}}[K comparable, V any] struct {
	mu    sync.Mutex
	limit int
	ttl   time.Duration
	order *list.List
	items map[K]*list.Element
	now   func() time.Time
}

type {{t}}Entry[K comparable, V any] struct {
	key     K
	value   V
	expires time.Time
}

// New{{T}} returns a cache of at most limit entries that live for ttl.
func New{{T}}[K comparable, V any](limit int, ttl time.Duration) *{{T}}[K, V] {
	if limit < 1 {
		limit = 1
	}
	return &{{T}}[K, V]{
		limit: limit,
		ttl:   ttl,
		order: list.New(),
		items: make(map[K]*list.Element, limit),
		now:   time.Now,
	}
}

// Get returns the value for key if it is present and fresh.
func (c *{{T}}[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	el, ok := c.items[key]
	if !ok {
		return zero, false
	}
	e := el.Value.(*{{t}}Entry[K, V])
	if c.now().After(e.expires) {
		c.order.Remove(el)
		delete(c.items, key)
		return zero, false
	}
	c.order.MoveToFront(el)
	return e.value, true
}

// Put stores value under key, evicting the least recently used entry when
// the cache is full.
func (c *{{T}}[K, V]) Put(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		e := el.Value.(*{{t}}Entry[K, V])
		e.value = value
		e.expires = c.now().Add(c.ttl)
		c.order.MoveToFront(el)
		return
	}
	for c.order.Len() >= c.limit {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*{{t}}Entry[K, V]).key)
	}
	e := &{{t}}Entry[K, V]{key: key, value: value, expires: c.now().Add(c.ttl)}
	c.items[key] = c.order.PushFront(e)
}

// Len returns the number of entries, fresh or not.
func (c *{{T}}[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// Sweep{{T}} drops expired entries and returns how many it dropped.
func Sweep{{T}}[K comparable, V any](c *{{T}}[K, V]) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	dropped := 0
	now := c.now()
	for el := c.order.Back(); el != nil; {
		prev := el.Prev()
		e := el.Value.(*{{t}}Entry[K, V])
		if now.After(e.expires) {
			c.order.Remove(el)
			delete(c.items, e.key)
			dropped++
		}
		el = prev
	}
	return dropped
}
`
