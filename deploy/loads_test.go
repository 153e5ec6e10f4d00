package deploy

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// unclaimedOutside claims every config file under services/ (a service's
// own) and leaves the rest to the code that loads them.
func unclaimedOutside(rel string) bool { return !strings.HasPrefix(rel, "services/") }

func loadsOf(t *testing.T, files map[string]string) map[string][]string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range files {
		write(t, root, rel, content)
	}
	got := map[string][]string{}
	for _, l := range load(root, Options{Unclaimed: unclaimedOutside}).Loads() {
		got[l.GoFile] = append(got[l.GoFile], l.Files...)
	}
	return got
}

func TestLoads(t *testing.T) {
	const yaml = "a: b\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  map[string][]string
	}{
		{
			name: "go-zero flag default, taken from the module root",
			files: map[string]string{
				"services/order/order.go": `package main
import ("flag"; "github.com/zeromicro/go-zero/core/conf")
var configFile = flag.String("f", "etc/order-api.yaml", "the config file")
func main() { var c struct{}; conf.MustLoad(*configFile, &c) }`,
				"etc/order-api.yaml":          yaml,
				"services/order/etc/own.yaml": yaml, // claimed by where it lies: never a load's
			},
			want: map[string][]string{"services/order/order.go": {"etc/order-api.yaml"}},
		},
		{
			name: "viper in shared code, the directory from os.Getwd",
			files: map[string]string{
				"config/config.go": `package config
import ("os"; "github.com/spf13/viper")
func Init() { workDir, _ := os.Getwd(); viper.SetConfigName("config"); viper.AddConfigPath(workDir + "/config"); viper.ReadInConfig() }`,
				"config/config.yaml": yaml,
			},
			want: map[string][]string{"config/config.go": {"config/config.yaml"}},
		},
		{
			name: "go-zero conf.Load and configor.Load's variadic files",
			files: map[string]string{
				"services/p/main.go": `package main
import ("github.com/zeromicro/go-zero/core/conf"; "github.com/jinzhu/configor")
func main() { var c struct{}; conf.Load("etc/p.yaml", &c); configor.Load(&c, "etc/a.yml", "etc/b.json") }`,
				"etc/p.yaml": yaml,
				"etc/a.yml":  yaml,
				"etc/b.json": `{"a": 1}`,
			},
			want: map[string][]string{"services/p/main.go": {"etc/p.yaml", "etc/a.yml", "etc/b.json"}},
		},
		{
			name: "StringVar default, path.Join, nearest directory first",
			files: map[string]string{
				"services/a/cmd/main.go": `package main
import ("flag"; "path/filepath"; "github.com/BurntSushi/toml")
var dir string
func init() { flag.StringVar(&dir, "conf", "configs", "") }
func main() { toml.DecodeFile(filepath.Join(dir, "a.toml"), nil) }`,
				"services/a/cmd/configs/a.toml": yaml, // claimed
				"configs/a.toml":                yaml,
			},
			want: map[string][]string{"services/a/cmd/main.go": {"configs/a.toml"}},
		},
		{
			name: "kratos directory relative to the package",
			files: map[string]string{
				"tools/user/cmd/server/main.go": `package main
import ("flag"; "github.com/go-kratos/kratos/v2/config"; "github.com/go-kratos/kratos/v2/config/file")
var flagconf string
func init() { flag.StringVar(&flagconf, "conf", "../../configs", "config path") }
func main() { config.New(config.WithSource(file.NewSource(flagconf))) }`,
				"tools/user/configs/config.yaml": yaml,
				"tools/user/configs/extra.yaml":  yaml,
				"tools/other/config.yaml":        yaml,
			},
			want: map[string][]string{"tools/user/cmd/server/main.go": {"tools/user/configs/config.yaml", "tools/user/configs/extra.yaml"}},
		},
		{
			name: "viper: AddConfigPath and SetConfigName on an instance",
			files: map[string]string{
				"services/b/config.go": `package b
import "github.com/spf13/viper"
func Load() { v := viper.New(); v.SetConfigName("app"); v.AddConfigPath("./deploy/config"); v.ReadInConfig() }`,
				"deploy/config/app.yaml":   yaml,
				"deploy/config/other.yaml": yaml,
			},
			want: map[string][]string{"services/b/config.go": {"deploy/config/app.yaml"}},
		},
		{
			name: "viper's default name is config",
			files: map[string]string{
				"services/b/config.go": `package b
import "github.com/spf13/viper"
func Load() { viper.AddConfigPath("."); viper.ReadInConfig() }`,
				"config.json": `{"a": 1}`,
				"other.json":  `{"a": 1}`,
			},
			want: map[string][]string{"services/b/config.go": {"config.json"}},
		},
		{
			name: "per-environment file through Sprintf",
			files: map[string]string{
				"services/c/main.go": `package main
import ("fmt"; "os")
func main() { os.ReadFile(fmt.Sprintf("conf/%s/conf.yaml", os.Getenv("GO_ENV"))) }`,
				"conf/dev/conf.yaml":    yaml,
				"conf/online/conf.yaml": yaml,
				"conf/dev/other.yaml":   yaml,
			},
			want: map[string][]string{"services/c/main.go": {"conf/dev/conf.yaml", "conf/online/conf.yaml"}},
		},
		{
			name: "koanf v2 with a constant",
			files: map[string]string{
				"services/d/main.go": `package main
import ("github.com/knadh/koanf/v2"; "github.com/knadh/koanf/providers/file"; "github.com/knadh/koanf/parsers/yaml")
const path = "settings/d.yml"
func main() { k := koanf.New("."); k.Load(file.Provider(path), yaml.Parser()) }`,
				"settings/d.yml": yaml,
			},
			want: map[string][]string{"services/d/main.go": {"settings/d.yml"}},
		},
		{
			name: "what says too little loads nothing",
			files: map[string]string{
				"services/e/main.go": `package main
import ("os"; "path/filepath")
var name = "a"
func init() { name = "b" }
func main() {
	os.ReadFile(os.Args[1])                          // wholly unknown
	os.ReadFile(os.Getenv("NAME") + ".yaml")         // only an extension
	os.ReadFile(name + "/x.yaml")                    // two values: a wildcard, so only */x.yaml
	os.ReadFile("/etc/app/config.yaml")              // the container's path
	os.ReadFile(filepath.Join(os.Args[0], "none.yaml")) // names no file
}`,
				"a.yaml":                yaml,
				"etc/app/config.yaml":   yaml,
				"z/x.yaml":              yaml,
				"services/e/own/x.yaml": yaml,
			},
			want: map[string][]string{"services/e/main.go": {"z/x.yaml"}},
		},
		{
			name: "tests do not load, and a file without a loader import is not parsed",
			files: map[string]string{
				"services/f/main_test.go": `package main
import "os"
func TestX() { os.ReadFile("config.yaml") }`,
				"services/f/main.go": `package main
func readFile(string) {}
func main() { readFile("config.yaml") }`,
				"config.yaml": yaml,
			},
			want: map[string][]string{},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := loadsOf(t, c.files); !reflect.DeepEqual(got, c.want) {
				t.Errorf("loads = %v, want %v", got, c.want)
			}
		})
	}
}

// Without Options.Unclaimed no Go file is read; with it, what the Go code
// loads is part of the digest, and a Go edit that changes no load is not.
func TestLoadsDigest(t *testing.T) {
	root := t.TempDir()
	write(t, root, "shared/app.yaml", "a: b\n")
	write(t, root, "services/a/main.go", `package main
import "os"
func main() { os.ReadFile("shared/app.yaml") }`)
	opts := Options{Unclaimed: unclaimedOutside}
	if got := load(root, Options{}).Loads(); len(got) != 0 {
		t.Fatalf("loads without Unclaimed: %v", got)
	}
	first := load(root, opts)
	if len(first.Loads()) != 1 || first.Loads()[0].Line != 3 || first.Loads()[0].Call != "os.ReadFile" {
		t.Fatalf("loads = %+v", first.Loads())
	}
	write(t, root, "services/a/other.go", "package main\n\nfunc other() {}\n")
	if load(root, opts).Digest != first.Digest {
		t.Error("a Go edit that loads nothing changed the digest")
	}
	write(t, root, "services/a/main.go", `package main
import "os"
func main() { os.ReadFile("elsewhere.yaml") }`)
	if load(root, opts).Digest == first.Digest {
		t.Error("a Go edit that no longer loads shared/app.yaml left the digest as it was")
	}
}

// The scan cache answers for a Go file whose size and modification time
// are unchanged, reads it again otherwise, and keeps no entry for a file
// modified just now (a second edit within the clock's granularity would
// look the same).
func TestScanCache(t *testing.T) {
	root := t.TempDir()
	cache := &ScanCache{Dir: t.TempDir(), Salt: "test"}
	write(t, root, "a.yaml", "a: b\n")
	write(t, root, "b.yaml", "a: b\n")
	main := filepath.Join(root, "services", "x", "main.go")
	now := time.Now()
	setFile := func(name string, age time.Duration) {
		t.Helper()
		write(t, root, "services/x/main.go", "package main\nimport \"os\"\nfunc main() { os.ReadFile(\""+name+"\") }\n")
		old := now.Add(-age)
		if err := os.Chtimes(main, old, old); err != nil {
			t.Fatal(err)
		}
	}
	loaded := func() []string {
		ls := findLoads(root, []string{"services/x/main.go"}, []string{"a.yaml", "b.yaml"}, cache)
		if len(ls) != 1 {
			t.Fatalf("loads = %+v", ls)
		}
		return ls[0].Files
	}
	setFile("a.yaml", 0) // racy: read, not kept
	if got := loaded(); got[0] != "a.yaml" {
		t.Fatalf("first run loads %v", got)
	}
	if len(cache.read(root)) != 0 {
		t.Error("an entry was kept for a file modified just now")
	}
	setFile("a.yaml", time.Hour)
	loaded()
	if len(cache.read(root)) != 1 {
		t.Fatal("no entry kept for a file modified an hour ago")
	}
	// Same size and time, other content: the entry answers (which is
	// why racy files are not kept).
	setFile("b.yaml", time.Hour)
	if got := loaded(); got[0] != "a.yaml" {
		t.Errorf("with an unchanged size and time the cache was not used: %v", got)
	}
	setFile("b.yaml", 2*time.Hour)
	if got := loaded(); got[0] != "b.yaml" {
		t.Errorf("a file with another modification time was not read again: %v", got)
	}
}
