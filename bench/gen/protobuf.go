package main

import (
	"fmt"
	"go/format"
	"strconv"
	"strings"
)

// With -deps heavy, a contract package (api/<svc>/v1) is what protoc-gen-go
// v1.36 and protoc-gen-go-grpc v1.6 write for this proto file, compiled
// against the real google.golang.org/protobuf and google.golang.org/grpc:
//
//	syntax = "proto3";
//	package mono.orders.v1;
//	option go_package = "example.com/mono/api/orders/v1;ordersv1";
//	import "google/protobuf/timestamp.proto";
//
//	message Orders { string id = 1; string name = 2; string state = 3; int64 amount = 4;
//	  map<string, string> labels = 5; google.protobuf.Timestamp updated_at = 6; }
//	message GetOrdersRequest { string id = 1; }
//	message GetOrdersResponse { Orders item = 1; }
//	message ListOrdersRequest { int32 page_size = 1; string page_token = 2; string filter = 3; }
//	message ListOrdersResponse { repeated Orders items = 1; string next_page_token = 2; }
//	message OrdersChanged { string id = 1; string state = 2; google.protobuf.Timestamp occurred_at = 3; }
//	service OrdersService {
//	  rpc GetOrders(GetOrdersRequest) returns (GetOrdersResponse);
//	  rpc ListOrders(ListOrdersRequest) returns (ListOrdersResponse);
//	  rpc WatchOrders(GetOrdersRequest) returns (stream OrdersChanged);
//	}
//
// The .pb.go file carries the serialized FileDescriptorProto that protoc
// hands the plugin (without source info), which the protobuf runtime parses
// at init: it is encoded here from the same schema the Go types are
// rendered from, so the two agree. The Go names are those of the stand-in
// contract, so the rest of the tree is the same in both modes.

// Field types and labels of descriptor.proto.
const (
	pbTypeInt64   = 3
	pbTypeInt32   = 5
	pbTypeString  = 9
	pbTypeMessage = 11

	pbLabelOptional = 1
	pbLabelRepeated = 3
)

// A pbField is a field of a message; typeName is a message's full name
// (without the leading dot) for message and map fields.
type pbField struct {
	name     string
	number   int
	typ      int
	repeated bool
	typeName string
	isMap    bool // map<string, string>: a repeated <Name>Entry message
}

type pbMessage struct {
	name     string // short name
	fields   []pbField
	mapEntry bool
	parent   string // for a map entry: the message that holds it
}

type pbMethod struct {
	name, in, out   string // in and out are short names of this file's messages
	serverStreaming bool
}

// A pbFile is the schema of one service's contract.
type pbFile struct {
	svc      string // map name, "orders"
	S        string // Go name, "Orders"
	pkg      string // proto package, "mono.orders.v1"
	goPkg    string // Go package name, "ordersv1"
	path     string // proto file, "orders/v1/orders.proto"
	messages []pbMessage
	service  string // "OrdersService"
	methods  []pbMethod
}

const timestampType = "google.protobuf.Timestamp"

func contractSchema(svc string) *pbFile {
	S := exported(svc)
	f := &pbFile{
		svc: svc, S: S, pkg: "mono." + svc + ".v1", goPkg: contractPkgName(svc),
		path: svc + "/v1/" + svc + ".proto", service: S + "Service",
	}
	full := func(name string) string { return f.pkg + "." + name }
	str := func(name string, n int) pbField { return pbField{name: name, number: n, typ: pbTypeString} }
	f.messages = []pbMessage{
		{name: S, fields: []pbField{
			str("id", 1), str("name", 2), str("state", 3),
			{name: "amount", number: 4, typ: pbTypeInt64},
			{name: "labels", number: 5, typ: pbTypeMessage, repeated: true, isMap: true, typeName: full(S + ".LabelsEntry")},
			{name: "updated_at", number: 6, typ: pbTypeMessage, typeName: timestampType},
		}},
		{name: "Get" + S + "Request", fields: []pbField{str("id", 1)}},
		{name: "Get" + S + "Response", fields: []pbField{{name: "item", number: 1, typ: pbTypeMessage, typeName: full(S)}}},
		{name: "List" + S + "Request", fields: []pbField{
			{name: "page_size", number: 1, typ: pbTypeInt32}, str("page_token", 2), str("filter", 3),
		}},
		{name: "List" + S + "Response", fields: []pbField{
			{name: "items", number: 1, typ: pbTypeMessage, repeated: true, typeName: full(S)}, str("next_page_token", 2),
		}},
		{name: S + "Changed", fields: []pbField{
			str("id", 1), str("state", 2),
			{name: "occurred_at", number: 3, typ: pbTypeMessage, typeName: timestampType},
		}},
		// Map entries come after the top-level messages ("flattened ordering").
		{name: "LabelsEntry", parent: S, mapEntry: true, fields: []pbField{str("key", 1), str("value", 2)}},
	}
	f.methods = []pbMethod{
		{name: "Get" + S, in: "Get" + S + "Request", out: "Get" + S + "Response"},
		{name: "List" + S, in: "List" + S + "Request", out: "List" + S + "Response"},
		{name: "Watch" + S, in: "Get" + S + "Request", out: S + "Changed", serverStreaming: true},
	}
	return f
}

// fullName is a message's full proto name.
func (f *pbFile) fullName(m pbMessage) string {
	if m.parent != "" {
		return f.pkg + "." + m.parent + "." + m.name
	}
	return f.pkg + "." + m.name
}

// index returns the position of the message with the given full name in
// the file's flattened ordering, or -1.
func (f *pbFile) index(full string) int {
	for i, m := range f.messages {
		if f.fullName(m) == full {
			return i
		}
	}
	return -1
}

// --- the descriptor ----------------------------------------------------------

// protowire encoding, enough for descriptor.proto.
type pbBuf []byte

func (b pbBuf) varint(v uint64) pbBuf {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func (b pbBuf) tag(num, wire int) pbBuf { return b.varint(uint64(num)<<3 | uint64(wire)) }

func (b pbBuf) uint(num int, v uint64) pbBuf { return b.tag(num, 0).varint(v) }

func (b pbBuf) bytes(num int, v []byte) pbBuf {
	b = b.tag(num, 2).varint(uint64(len(v)))
	return append(b, v...)
}

func (b pbBuf) str(num int, s string) pbBuf { return b.bytes(num, []byte(s)) }

// jsonName is protoc's default json_name: lowerCamelCase of the field name.
func jsonName(name string) string {
	var b strings.Builder
	upper := false
	for _, r := range name {
		if r == '_' {
			upper = true
			continue
		}
		if upper && 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		upper = false
		b.WriteRune(r)
	}
	return b.String()
}

// rawDescriptor is the serialized FileDescriptorProto.
func (f *pbFile) rawDescriptor() []byte {
	var file pbBuf
	file = file.str(1, f.path).str(2, f.pkg).str(3, "google/protobuf/timestamp.proto")
	message := func(m pbMessage, nested []pbMessage) pbBuf {
		var mb pbBuf
		mb = mb.str(1, m.name)
		for _, fd := range m.fields {
			label := pbLabelOptional
			if fd.repeated {
				label = pbLabelRepeated
			}
			var fb pbBuf
			fb = fb.str(1, fd.name).uint(3, uint64(fd.number)).uint(4, uint64(label)).uint(5, uint64(fd.typ))
			if fd.typeName != "" {
				fb = fb.str(6, "."+fd.typeName)
			}
			fb = fb.str(10, jsonName(fd.name))
			mb = mb.bytes(2, fb)
		}
		for _, n := range nested {
			var nb pbBuf
			nb = nb.str(1, n.name)
			for _, fd := range n.fields {
				var fb pbBuf
				fb = fb.str(1, fd.name).uint(3, uint64(fd.number)).uint(4, pbLabelOptional).uint(5, uint64(fd.typ)).str(10, jsonName(fd.name))
				nb = nb.bytes(2, fb)
			}
			nb = nb.bytes(7, pbBuf(nil).uint(7, 1)) // MessageOptions.map_entry
			mb = mb.bytes(3, nb)
		}
		return mb
	}
	for _, m := range f.messages {
		if m.mapEntry {
			continue
		}
		var nested []pbMessage
		for _, n := range f.messages {
			if n.parent == m.name {
				nested = append(nested, n)
			}
		}
		file = file.bytes(4, message(m, nested))
	}
	var svc pbBuf
	svc = svc.str(1, f.service)
	for _, m := range f.methods {
		var mb pbBuf
		mb = mb.str(1, m.name).str(2, "."+f.pkg+"."+m.in).str(3, "."+f.pkg+"."+m.out)
		if m.serverStreaming {
			mb = mb.uint(6, 1)
		}
		svc = svc.bytes(2, mb)
	}
	file = file.bytes(6, svc)
	file = file.bytes(8, pbBuf(nil).str(11, modulePath+"/api/"+f.svc+"/v1;"+f.goPkg)) // FileOptions.go_package
	file = file.str(12, "proto3")
	return file
}

// --- the Go code ---------------------------------------------------------------

// goName is protoc-gen-go's Go name of a field: CamelCase.
func goName(name string) string {
	j := jsonName(name)
	return strings.ToUpper(j[:1]) + j[1:]
}

func (f *pbFile) goType(fd pbField) (typ, zero string) {
	switch {
	case fd.isMap:
		return "map[string]string", "nil"
	case fd.typeName == timestampType:
		return "*timestamppb.Timestamp", "nil"
	case fd.typ == pbTypeMessage && fd.repeated:
		return "[]*" + strings.TrimPrefix(fd.typeName, f.pkg+"."), "nil"
	case fd.typ == pbTypeMessage:
		return "*" + strings.TrimPrefix(fd.typeName, f.pkg+"."), "nil"
	case fd.typ == pbTypeInt64:
		return "int64", "0"
	case fd.typ == pbTypeInt32:
		return "int32", "0"
	}
	return "string", `""`
}

func (f *pbFile) tag(fd pbField) string {
	wire := "bytes"
	if fd.typ == pbTypeInt64 || fd.typ == pbTypeInt32 {
		wire = "varint"
	}
	card := "opt"
	if fd.repeated {
		card = "rep"
	}
	json := ""
	if j := jsonName(fd.name); j != fd.name {
		json = ",json=" + j
	}
	tag := fmt.Sprintf(`protobuf:"%s,%d,%s,name=%s%s,proto3" json:"%s,omitempty"`, wire, fd.number, card, fd.name, json, fd.name)
	if fd.isMap {
		tag += ` protobuf_key:"bytes,1,opt,name=key" protobuf_val:"bytes,2,opt,name=value"`
	}
	return "`" + tag + "`"
}

// renderPB is the <svc>.pb.go file.
func renderPB(f *pbFile) (string, error) {
	v := "file_" + strings.NewReplacer("/", "_", ".", "_").Replace(f.path) // file_orders_v1_orders_proto
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	p("// Code generated by protoc-gen-go. DO NOT EDIT.")
	p("// versions:")
	p("// \tprotoc-gen-go v1.36.12")
	p("// \tprotoc        v5.29.3")
	p("// source: %s", f.path)
	p("")
	p("package %s", f.goPkg)
	p("")
	p("import (")
	p("\tprotoreflect \"google.golang.org/protobuf/reflect/protoreflect\"")
	p("\tprotoimpl \"google.golang.org/protobuf/runtime/protoimpl\"")
	p("\ttimestamppb \"google.golang.org/protobuf/types/known/timestamppb\"")
	p("\treflect \"reflect\"")
	p("\tsync \"sync\"")
	p("\tunsafe \"unsafe\"")
	p(")")
	p("")
	p("const (")
	p("\t// Verify that this generated code is sufficiently up-to-date.")
	p("\t_ = protoimpl.EnforceVersion(20 - protoimpl.MinVersion)")
	p("\t// Verify that runtime/protoimpl is sufficiently up-to-date.")
	p("\t_ = protoimpl.EnforceVersion(protoimpl.MaxVersion - 20)")
	p(")")
	for i, m := range f.messages {
		if m.mapEntry {
			continue
		}
		p("")
		p("type %s struct {", m.name)
		p("\tstate protoimpl.MessageState `protogen:\"open.v1\"`")
		for _, fd := range m.fields {
			typ, _ := f.goType(fd)
			p("\t%s %s %s", goName(fd.name), typ, f.tag(fd))
		}
		p("\tunknownFields protoimpl.UnknownFields")
		p("\tsizeCache protoimpl.SizeCache")
		p("}")
		p(`
func (x *%[1]s) Reset() {
	*x = %[1]s{}
	mi := &%[2]s_msgTypes[%[3]d]
	ms := protoimpl.X.MessageStateOf(protoimpl.Pointer(x))
	ms.StoreMessageInfo(mi)
}

func (x *%[1]s) String() string {
	return protoimpl.X.MessageStringOf(x)
}

func (*%[1]s) ProtoMessage() {}

func (x *%[1]s) ProtoReflect() protoreflect.Message {
	mi := &%[2]s_msgTypes[%[3]d]
	if x != nil {
		ms := protoimpl.X.MessageStateOf(protoimpl.Pointer(x))
		if ms.LoadMessageInfo() == nil {
			ms.StoreMessageInfo(mi)
		}
		return ms
	}
	return mi.MessageOf(x)
}

// Deprecated: Use %[1]s.ProtoReflect.Descriptor instead.
func (*%[1]s) Descriptor() ([]byte, []int) {
	return %[2]s_rawDescGZIP(), []int{%[3]d}
}`, m.name, v, i)
		for _, fd := range m.fields {
			typ, zero := f.goType(fd)
			p(`
func (x *%s) Get%s() %s {
	if x != nil {
		return x.%s
	}
	return %s
}`, m.name, goName(fd.name), typ, goName(fd.name), zero)
		}
	}
	p("")
	p("var File_%s protoreflect.FileDescriptor", strings.TrimPrefix(v, "file_"))
	p("")
	p("const %s_rawDesc = \"\" +", v)
	raw := string(f.rawDescriptor())
	var lines []string
	for len(raw) > 0 {
		n := strings.IndexByte(raw, '\n') + 1
		if n == 0 {
			n = len(raw)
		}
		lines = append(lines, "\t"+strconv.Quote(raw[:n]))
		raw = raw[n:]
	}
	p("%s", strings.Join(lines, " +\n"))
	p(`
var (
	%[1]s_rawDescOnce sync.Once
	%[1]s_rawDescData []byte
)

func %[1]s_rawDescGZIP() []byte {
	%[1]s_rawDescOnce.Do(func() {
		%[1]s_rawDescData = protoimpl.X.CompressGZIP(unsafe.Slice(unsafe.StringData(%[1]s_rawDesc), len(%[1]s_rawDesc)))
	})
	return %[1]s_rawDescData
}
`, v)
	p("var %s_msgTypes = make([]protoimpl.MessageInfo, %d)", v, len(f.messages))
	p("var %s_goTypes = []any{", v)
	for i, m := range f.messages {
		if m.mapEntry {
			p("\tnil, // %d: %s", i, f.fullName(m))
		} else {
			p("\t(*%s)(nil), // %d: %s", m.name, i, f.fullName(m))
		}
	}
	tsIndex := len(f.messages)
	p("\t(*timestamppb.Timestamp)(nil), // %d: %s", tsIndex, timestampType)
	p("}")
	p("var %s_depIdxs = []int32{", v)
	n := 0
	dep := func(target int, comment string) {
		p("\t%d, // %d: %s", target, n, comment)
		n++
	}
	for _, m := range f.messages {
		for _, fd := range m.fields {
			if fd.typeName == "" {
				continue
			}
			target := tsIndex
			if fd.typeName != timestampType {
				target = f.index(fd.typeName)
			}
			dep(target, fmt.Sprintf("%s.%s:type_name -> %s", f.fullName(m), fd.name, fd.typeName))
		}
	}
	fields := n
	for _, m := range f.methods {
		dep(f.index(f.pkg+"."+m.in), fmt.Sprintf("%s.%s.%s:input_type -> %s.%s", f.pkg, f.service, m.name, f.pkg, m.in))
	}
	inputs := n
	for _, m := range f.methods {
		dep(f.index(f.pkg+"."+m.out), fmt.Sprintf("%s.%s.%s:output_type -> %s.%s", f.pkg, f.service, m.name, f.pkg, m.out))
	}
	p("\t%d, // [%d:%d] is the sub-list for method output_type", inputs, inputs, n)
	p("\t%d, // [%d:%d] is the sub-list for method input_type", fields, fields, inputs)
	p("\t%d, // [%d:%d] is the sub-list for extension type_name", fields, fields, fields)
	p("\t%d, // [%d:%d] is the sub-list for extension extendee", fields, fields, fields)
	p("\t0, // [0:%d] is the sub-list for field type_name", fields)
	p("}")
	p(`
func init() { %[1]s_init() }
func %[1]s_init() {
	if File_%[2]s != nil {
		return
	}
	type x struct{}
	out := protoimpl.TypeBuilder{
		File: protoimpl.DescBuilder{
			GoPackagePath: reflect.TypeOf(x{}).PkgPath(),
			RawDescriptor: unsafe.Slice(unsafe.StringData(%[1]s_rawDesc), len(%[1]s_rawDesc)),
			NumEnums:      0,
			NumMessages:   %[3]d,
			NumExtensions: 0,
			NumServices:   1,
		},
		GoTypes:           %[1]s_goTypes,
		DependencyIndexes: %[1]s_depIdxs,
		MessageInfos:      %[1]s_msgTypes,
	}.Build()
	File_%[2]s = out.File
	%[1]s_goTypes = nil
	%[1]s_depIdxs = nil
}`, v, strings.TrimPrefix(v, "file_"), len(f.messages))
	out, err := format.Source([]byte(b.String()))
	if err != nil {
		return "", fmt.Errorf("formatting %s.pb.go: %w", f.svc, err)
	}
	return string(out), nil
}

// renderGRPC is the <svc>_grpc.pb.go file: protoc-gen-go-grpc's output for
// the service, two unary methods and one server-streaming method.
func renderGRPC(f *pbFile) string {
	return strings.NewReplacer(
		"{{S}}", f.S,
		"{{svc}}", f.svc,
		"{{P}}", f.goPkg,
	).Replace(contractGRPCHeavy)
}

const contractGRPCHeavy = `// Code generated by protoc-gen-go-grpc. DO NOT EDIT.
// versions:
// - protoc-gen-go-grpc v1.6.2
// - protoc             v5.29.3
// source: {{svc}}/v1/{{svc}}.proto

package {{P}}

import (
	context "context"
	grpc "google.golang.org/grpc"
	codes "google.golang.org/grpc/codes"
	status "google.golang.org/grpc/status"
)

// This is a compile-time assertion to ensure that this generated file
// is compatible with the grpc package it is being compiled against.
// Requires gRPC-Go v1.64.0 or later.
const _ = grpc.SupportPackageIsVersion9

const (
	{{S}}Service_Get{{S}}_FullMethodName   = "/mono.{{svc}}.v1.{{S}}Service/Get{{S}}"
	{{S}}Service_List{{S}}_FullMethodName  = "/mono.{{svc}}.v1.{{S}}Service/List{{S}}"
	{{S}}Service_Watch{{S}}_FullMethodName = "/mono.{{svc}}.v1.{{S}}Service/Watch{{S}}"
)

// {{S}}ServiceClient is the client API for {{S}}Service service.
//
// For semantics around ctx use and closing/ending streaming RPCs, please refer to https://pkg.go.dev/google.golang.org/grpc/?tab=doc#ClientConn.NewStream.
type {{S}}ServiceClient interface {
	Get{{S}}(ctx context.Context, in *Get{{S}}Request, opts ...grpc.CallOption) (*Get{{S}}Response, error)
	List{{S}}(ctx context.Context, in *List{{S}}Request, opts ...grpc.CallOption) (*List{{S}}Response, error)
	Watch{{S}}(ctx context.Context, in *Get{{S}}Request, opts ...grpc.CallOption) (grpc.ServerStreamingClient[{{S}}Changed], error)
}

type {{svc}}ServiceClient struct {
	cc grpc.ClientConnInterface
}

func New{{S}}ServiceClient(cc grpc.ClientConnInterface) {{S}}ServiceClient {
	return &{{svc}}ServiceClient{cc}
}

func (c *{{svc}}ServiceClient) Get{{S}}(ctx context.Context, in *Get{{S}}Request, opts ...grpc.CallOption) (*Get{{S}}Response, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	out := new(Get{{S}}Response)
	err := c.cc.Invoke(ctx, {{S}}Service_Get{{S}}_FullMethodName, in, out, cOpts...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (c *{{svc}}ServiceClient) List{{S}}(ctx context.Context, in *List{{S}}Request, opts ...grpc.CallOption) (*List{{S}}Response, error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	out := new(List{{S}}Response)
	err := c.cc.Invoke(ctx, {{S}}Service_List{{S}}_FullMethodName, in, out, cOpts...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (c *{{svc}}ServiceClient) Watch{{S}}(ctx context.Context, in *Get{{S}}Request, opts ...grpc.CallOption) (grpc.ServerStreamingClient[{{S}}Changed], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &{{S}}Service_ServiceDesc.Streams[0], {{S}}Service_Watch{{S}}_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[Get{{S}}Request, {{S}}Changed]{ClientStream: stream}
	if err := x.ClientStream.SendMsg(in); err != nil {
		return nil, err
	}
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	return x, nil
}

// This type alias is provided for backwards compatibility with existing code that references the prior non-generic stream type by name.
type {{S}}Service_Watch{{S}}Client = grpc.ServerStreamingClient[{{S}}Changed]

// {{S}}ServiceServer is the server API for {{S}}Service service.
// All implementations must embed Unimplemented{{S}}ServiceServer
// for forward compatibility.
type {{S}}ServiceServer interface {
	Get{{S}}(context.Context, *Get{{S}}Request) (*Get{{S}}Response, error)
	List{{S}}(context.Context, *List{{S}}Request) (*List{{S}}Response, error)
	Watch{{S}}(*Get{{S}}Request, grpc.ServerStreamingServer[{{S}}Changed]) error
	mustEmbedUnimplemented{{S}}ServiceServer()
}

// Unimplemented{{S}}ServiceServer must be embedded to have
// forward compatible implementations.
//
// NOTE: this should be embedded by value instead of pointer to avoid a nil
// pointer dereference when methods are called.
type Unimplemented{{S}}ServiceServer struct{}

func (Unimplemented{{S}}ServiceServer) Get{{S}}(context.Context, *Get{{S}}Request) (*Get{{S}}Response, error) {
	return nil, status.Error(codes.Unimplemented, "method Get{{S}} not implemented")
}
func (Unimplemented{{S}}ServiceServer) List{{S}}(context.Context, *List{{S}}Request) (*List{{S}}Response, error) {
	return nil, status.Error(codes.Unimplemented, "method List{{S}} not implemented")
}
func (Unimplemented{{S}}ServiceServer) Watch{{S}}(*Get{{S}}Request, grpc.ServerStreamingServer[{{S}}Changed]) error {
	return status.Error(codes.Unimplemented, "method Watch{{S}} not implemented")
}
func (Unimplemented{{S}}ServiceServer) mustEmbedUnimplemented{{S}}ServiceServer() {}
func (Unimplemented{{S}}ServiceServer) testEmbeddedByValue()                     {}

// Unsafe{{S}}ServiceServer may be embedded to opt out of forward compatibility for this service.
// Use of this interface is not recommended, as added methods to {{S}}ServiceServer will
// result in compilation errors.
type Unsafe{{S}}ServiceServer interface {
	mustEmbedUnimplemented{{S}}ServiceServer()
}

func Register{{S}}ServiceServer(s grpc.ServiceRegistrar, srv {{S}}ServiceServer) {
	// If the following call panics, it indicates Unimplemented{{S}}ServiceServer was
	// embedded by pointer and is nil.  This will cause panics if an
	// unimplemented method is ever invoked, so we test this at initialization
	// time to prevent it from happening at runtime later due to I/O.
	if t, ok := srv.(interface{ testEmbeddedByValue() }); ok {
		t.testEmbeddedByValue()
	}
	s.RegisterService(&{{S}}Service_ServiceDesc, srv)
}

func _{{S}}Service_Get{{S}}_Handler(srv interface{}, ctx context.Context, dec func(interface{}) error, interceptor grpc.UnaryServerInterceptor) (interface{}, error) {
	in := new(Get{{S}}Request)
	if err := dec(in); err != nil {
		return nil, err
	}
	if interceptor == nil {
		return srv.({{S}}ServiceServer).Get{{S}}(ctx, in)
	}
	info := &grpc.UnaryServerInfo{
		Server:     srv,
		FullMethod: {{S}}Service_Get{{S}}_FullMethodName,
	}
	handler := func(ctx context.Context, req interface{}) (interface{}, error) {
		return srv.({{S}}ServiceServer).Get{{S}}(ctx, req.(*Get{{S}}Request))
	}
	return interceptor(ctx, in, info, handler)
}

func _{{S}}Service_List{{S}}_Handler(srv interface{}, ctx context.Context, dec func(interface{}) error, interceptor grpc.UnaryServerInterceptor) (interface{}, error) {
	in := new(List{{S}}Request)
	if err := dec(in); err != nil {
		return nil, err
	}
	if interceptor == nil {
		return srv.({{S}}ServiceServer).List{{S}}(ctx, in)
	}
	info := &grpc.UnaryServerInfo{
		Server:     srv,
		FullMethod: {{S}}Service_List{{S}}_FullMethodName,
	}
	handler := func(ctx context.Context, req interface{}) (interface{}, error) {
		return srv.({{S}}ServiceServer).List{{S}}(ctx, req.(*List{{S}}Request))
	}
	return interceptor(ctx, in, info, handler)
}

func _{{S}}Service_Watch{{S}}_Handler(srv interface{}, stream grpc.ServerStream) error {
	m := new(Get{{S}}Request)
	if err := stream.RecvMsg(m); err != nil {
		return err
	}
	return srv.({{S}}ServiceServer).Watch{{S}}(m, &grpc.GenericServerStream[Get{{S}}Request, {{S}}Changed]{ServerStream: stream})
}

// This type alias is provided for backwards compatibility with existing code that references the prior non-generic stream type by name.
type {{S}}Service_Watch{{S}}Server = grpc.ServerStreamingServer[{{S}}Changed]

// {{S}}Service_ServiceDesc is the grpc.ServiceDesc for {{S}}Service service.
// It's only intended for direct use with grpc.RegisterService,
// and not to be introspected or modified (even as a copy)
var {{S}}Service_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "mono.{{svc}}.v1.{{S}}Service",
	HandlerType: (*{{S}}ServiceServer)(nil),
	Methods: []grpc.MethodDesc{
		{
			MethodName: "Get{{S}}",
			Handler:    _{{S}}Service_Get{{S}}_Handler,
		},
		{
			MethodName: "List{{S}}",
			Handler:    _{{S}}Service_List{{S}}_Handler,
		},
	},
	Streams: []grpc.StreamDesc{
		{
			StreamName:    "Watch{{S}}",
			Handler:       _{{S}}Service_Watch{{S}}_Handler,
			ServerStreams: true,
		},
	},
	Metadata: "{{svc}}/v1/{{svc}}.proto",
}
`

// contractEvents is a hand-written file next to the generated ones: the
// topic the service publishes changes on, and the event's constructor.
const contractEvents = `package {{P}}

import (
	"time"

	"google.golang.org/protobuf/types/known/timestamppb"
)

// {{S}}ChangedTopic is the topic {{S}}Changed events are published on.
const {{S}}ChangedTopic = "{{svc}}.v1.changed"

// New{{S}}Changed returns the event that announces item's state at t.
func New{{S}}Changed(item *{{S}}, t time.Time) *{{S}}Changed {
	return &{{S}}Changed{Id: item.GetId(), State: item.GetState(), OccurredAt: timestamppb.New(t)}
}
`
