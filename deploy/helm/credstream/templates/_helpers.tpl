{{/* Release-scoped base name, at most 63 characters. */}}
{{- define "credstream.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of one service's objects. Context: dict "root" $ "name" <service>. */}}
{{- define "credstream.name" -}}
{{- printf "%s-%s" (include "credstream.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "credstream.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "credstream.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "credstream.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: credstream
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{- define "credstream.chartLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: credstream
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "credstream.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := .svc.image.tag | default $image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" $image.registry (.svc.image.repository | default (printf "%s/%s" $image.repository .name)) $tag -}}
{{- end -}}

{{/*
Non-secret variables of one service (its ConfigMap), as YAML. Context: dict "root" $ "name" <service> "svc" <values>.
Every key is an environment variable of apps/<service>/src/config/<service>.config.ts; an empty value means
"use the application default". deploy/deploy.int.spec.ts checks these keys against the schemas, both ways.
*/}}
{{- define "credstream.configEnv" -}}
{{- $v := .root.Values -}}
{{- $env := dict -}}
{{- $_ := set $env "NODE_ENV" $v.config.nodeEnv -}}
{{- $_ := set $env "HOST" "0.0.0.0" -}}
{{- $_ := set $env "PORT" (toString .svc.port) -}}
{{- $_ := set $env "LOG_LEVEL" $v.config.logLevel -}}
{{- $_ := set $env "SHUTDOWN_TIMEOUT_MS" (toString (int $v.config.shutdownTimeoutMs)) -}}
{{- $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" ($v.otel.endpoint | default "") -}}
{{- $_ := set $env "OTEL_TRACES_SAMPLE_RATIO" (toString $v.otel.sampleRatio) -}}
{{- $_ := set $env "ALLOW_HISTORICAL_TIMESTAMPS" (toString $v.config.allowHistoricalTimestamps) -}}
{{- if has "kafka" .svc.uses -}}
{{- $_ := set $env "KAFKA_BROKERS" (join "," $v.kafka.brokers) -}}
{{- $_ := set $env "KAFKA_SSL" (toString $v.kafka.tls.enabled) -}}
{{- $_ := set $env "KAFKA_SASL_MECHANISM" ($v.kafka.sasl.mechanism | default "") -}}
{{- end -}}
{{- if has "clickhouse" .svc.uses -}}
{{- $_ := set $env "CLICKHOUSE_URL" $v.clickhouse.url -}}
{{- $_ := set $env "CLICKHOUSE_USER" $v.clickhouse.user -}}
{{- $_ := set $env "CLICKHOUSE_DATABASE" $v.clickhouse.database -}}
{{- end -}}
{{- range $key, $value := .svc.env -}}
{{- $_ := set $env $key (toString $value) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/* Secret variables of one service (its Secret), as YAML. Same context as credstream.configEnv. */}}
{{- define "credstream.secretEnv" -}}
{{- $v := .root.Values -}}
{{- $env := dict -}}
{{- if has "kafka" .svc.uses -}}
{{- $_ := set $env "KAFKA_SASL_USERNAME" ($v.kafka.sasl.username | default "") -}}
{{- $_ := set $env "KAFKA_SASL_PASSWORD" ($v.kafka.sasl.password | default "") -}}
{{- end -}}
{{- if has "mongodb" .svc.uses -}}
{{- $_ := set $env "MONGODB_URI" (required "mongodb.uri is required (or set services.<name>.existingSecret)" $v.mongodb.uri) -}}
{{- end -}}
{{- if has "clickhouse" .svc.uses -}}
{{- $_ := set $env "CLICKHOUSE_PASSWORD" ($v.clickhouse.password | default "") -}}
{{- end -}}
{{- range $key, $value := .svc.secretEnv -}}
{{- $_ := set $env $key (toString $value) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{- define "credstream.secretName" -}}
{{- .svc.existingSecret | default (include "credstream.name" .) -}}
{{- end -}}
