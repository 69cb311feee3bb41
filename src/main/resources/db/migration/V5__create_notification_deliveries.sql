-- The delivery log: one row per email the service decided to send. The key (event id + kind) makes a
-- redelivered event find its row instead of sending again. No body is stored: emails with a link carrying a
-- token are rebuilt, with a fresh token, when they are retried.
CREATE TABLE notification_deliveries
(
  id              UUID         NOT NULL PRIMARY KEY,
  delivery_key    VARCHAR(200) NOT NULL,
  kind            VARCHAR(64)  NOT NULL,
  event_id        UUID,
  user_id         UUID,
  recipient       CITEXT,
  subject         TEXT,
  parameters      JSONB        NOT NULL DEFAULT '{}',
  status          VARCHAR(16)  NOT NULL,
  attempts        INTEGER      NOT NULL DEFAULT 0,
  last_error      TEXT,
  created_at      TIMESTAMPTZ  NOT NULL,
  updated_at      TIMESTAMPTZ  NOT NULL,
  last_attempt_at TIMESTAMPTZ,
  next_attempt_at TIMESTAMPTZ,
  sent_at         TIMESTAMPTZ,
  CONSTRAINT notification_deliveries_key UNIQUE (delivery_key),
  CONSTRAINT notification_deliveries_status_check CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  CONSTRAINT notification_deliveries_attempts_check CHECK (attempts >= 0)
);
-- The admin list filters by any of these and shows the newest first.
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC, id DESC);
CREATE INDEX notification_deliveries_status_idx ON notification_deliveries (status, created_at DESC, id DESC);
CREATE INDEX notification_deliveries_kind_idx ON notification_deliveries (kind, created_at DESC, id DESC);
CREATE INDEX notification_deliveries_recipient_idx ON notification_deliveries (recipient, created_at DESC, id DESC);
CREATE INDEX notification_deliveries_user_idx ON notification_deliveries (user_id);
-- Retention forgets settled deliveries by when they were last touched.
CREATE INDEX notification_deliveries_updated_idx ON notification_deliveries (updated_at);
