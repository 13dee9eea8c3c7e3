{{/* Chart name, overridable. */}}
{{- define "waakvlam.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-qualified name: the prefix of every object. Kept to 50 characters so suffixes fit in 63. */}}
{{- define "waakvlam.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "waakvlam.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "waakvlam.labels" -}}
helm.sh/chart: {{ include "waakvlam.chart" . }}
{{ include "waakvlam.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: waakvlam
{{- end -}}

{{- define "waakvlam.selectorLabels" -}}
app.kubernetes.io/name: {{ include "waakvlam.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one component: include "waakvlam.componentLabels" (list . "api"). */}}
{{- define "waakvlam.componentLabels" -}}
{{ include "waakvlam.labels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "waakvlam.componentSelectorLabels" -}}
{{ include "waakvlam.selectorLabels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "waakvlam.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "waakvlam.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* image reference: include "waakvlam.image" (list . .Values.image.api) */}}
{{- define "waakvlam.image" -}}
{{- $root := index . 0 -}}
{{- $image := index . 1 -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $image.repository (default $root.Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{/*
A value as an environment string. Helm reads numbers from values as float64; print whole numbers as integers
(1000000, not 1e+06).
*/}}
{{- define "waakvlam.envString" -}}
{{- if kindIs "float64" . -}}
{{- if eq (float64 (int64 .)) . -}}{{ int64 . }}{{- else -}}{{ . }}{{- end -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/*
The ConfigMap's data (non-secret settings) as a YAML map of strings: config values that are set, plus what
the chart fixes. The migration Job uses the same map as literal env (it runs before the ConfigMap exists).
*/}}
{{- define "waakvlam.configData" -}}
NODE_ENV: "production"
HOST: "0.0.0.0"
PORT: "3000"
MIGRATE_ON_START: "false"
ADMIN_DIST: ""
{{- range $key, $value := .Values.config }}
{{- if not (or (kindIs "invalid" $value) (and (kindIs "string" $value) (eq $value ""))) }}
{{ $key }}: {{ include "waakvlam.envString" $value | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "waakvlam.configMapName" -}}
{{- printf "%s-config" (include "waakvlam.fullname" .) -}}
{{- end -}}

{{- define "waakvlam.secretName" -}}
{{- default (include "waakvlam.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/*
The hook Secret of the migration Job when the chart creates the secrets: the Job runs before the release's
Secret exists on a first install.
*/}}
{{- define "waakvlam.migrationHookSecretName" -}}
{{- printf "%s-migrations" (include "waakvlam.fullname" .) -}}
{{- end -}}

{{/* Where the migration Job reads DATABASE_URL, REDIS_URL, SMTP_URL, AUTH_ENCRYPTION_KEY, … */}}
{{- define "waakvlam.migrationAppSecretName" -}}
{{- default (include "waakvlam.migrationHookSecretName" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* Where the migration Job reads DATABASE_MIGRATION_URL. */}}
{{- define "waakvlam.migrationSecretName" -}}
{{- if .Values.secrets.existingMigrationSecret -}}
{{- .Values.secrets.existingMigrationSecret -}}
{{- else -}}
{{- include "waakvlam.migrationAppSecretName" . -}}
{{- end -}}
{{- end -}}

{{/* SHUTDOWN_TIMEOUT_MS in whole seconds, rounded up (the application's default is 25000 ms). */}}
{{- define "waakvlam.shutdownSeconds" -}}
{{- $ms := 25000 -}}
{{- if not (kindIs "invalid" .Values.config.SHUTDOWN_TIMEOUT_MS) -}}{{- $ms = int64 .Values.config.SHUTDOWN_TIMEOUT_MS -}}{{- end -}}
{{- div (add $ms 999) 1000 -}}
{{- end -}}

{{/*
Refuses a grace period that SIGKILLs a pod before it has drained: include "waakvlam.checkGrace" (list . "api"
grace preStop).
*/}}
{{- define "waakvlam.checkGrace" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $grace := int64 (index . 2) -}}
{{- $preStop := int64 (index . 3) -}}
{{- $needed := add $preStop (include "waakvlam.shutdownSeconds" $root | int64) -}}
{{- if le $grace $needed -}}
{{- fail (printf "%s.terminationGracePeriodSeconds (%d) must be above preStopSleepSeconds + SHUTDOWN_TIMEOUT_MS (%d s): raise it or lower config.SHUTDOWN_TIMEOUT_MS" $name $grace $needed) -}}
{{- end -}}
{{- end -}}

{{/*
Secret-backed environment of the api, the workers and the migration Job, never the migration URL:
include "waakvlam.secretEnv" (list . secretName).
*/}}
{{- define "waakvlam.secretEnv" -}}
{{- $secret := index . 1 -}}
{{- range $key := list "DATABASE_URL" "REDIS_URL" "SMTP_URL" "AUTH_ENCRYPTION_KEY" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
{{- end }}
{{- range $key := list "METRICS_TOKEN" "OIDC_CLIENT_SECRET" }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
      optional: true
{{- end }}
{{- end -}}

{{/* Checksums that roll the pods when the chart's ConfigMap or Secret changes. */}}
{{- define "waakvlam.configChecksums" -}}
checksum/config: {{ include "waakvlam.configData" . | sha256sum }}
{{- if not .Values.secrets.existingSecret }}
checksum/secret: {{ toJson .Values.secrets.values | sha256sum }}
{{- end }}
{{- end -}}

{{/* minAvailable or maxUnavailable of a PodDisruptionBudget. */}}
{{- define "waakvlam.pdbSpec" -}}
{{- if not (kindIs "invalid" .minAvailable) -}}
minAvailable: {{ .minAvailable }}
{{- else -}}
maxUnavailable: {{ .maxUnavailable }}
{{- end -}}
{{- end -}}
