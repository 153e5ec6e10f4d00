{{- define "cart.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "cart.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
{{- end }}
