-- A user's request for the professional status, decided by a manager or an administrator.
CREATE TABLE professional_status_requests
(
  id         UUID        NOT NULL PRIMARY KEY,
  user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status     VARCHAR(16) NOT NULL
    CONSTRAINT professional_status_requests_status_check CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  reason     VARCHAR(500),
  created_at TIMESTAMPTZ NOT NULL,
  decided_at TIMESTAMPTZ,
  decided_by UUID,
  version    BIGINT      NOT NULL DEFAULT 0
);
-- One pending request per user; the pending list in order of arrival.
CREATE UNIQUE INDEX professional_status_requests_one_pending_idx ON professional_status_requests (user_id)
  WHERE status = 'PENDING';
CREATE INDEX professional_status_requests_status_idx ON professional_status_requests (status, created_at, id);
