#!/bin/bash
# Creates every credstream topic on the compose Kafka (idempotent): the catalogue topics of
# libs/contracts/src/topics.ts and one dead-letter topic per consumer group (<group>.dlq).
# A test (deploy/deploy.int.spec.ts) checks this list against the catalogue.
set -euo pipefail
bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
partitions=${TOPIC_PARTITIONS:-6}

topics=(
  issuance.tenant.v1
  issuance.issuer.v1
  issuance.achievement.v1
  issuance.credential.v1
  verification.verification.v1
  sharing.recipient.v1
  sharing.share.v1
  partner.learning.v1
  partner.employment.v1
)
dead_letter_topics=(issuance.dlq verification.dlq sharing.dlq analytics.dlq)

for topic in "${topics[@]}" "${dead_letter_topics[@]}"; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 --config min.insync.replicas=1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
